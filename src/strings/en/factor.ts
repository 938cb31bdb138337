/** What the factor elements say of a code refused before sending (see src/controllers/factor.ts). */
export const factor = {
  errorInvalidCode: 'Enter all {length} digits.',
} as const;
