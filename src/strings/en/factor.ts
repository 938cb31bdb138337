/**
 * What the factor elements say of a code refused before sending (see src/controllers/factor.ts).
 * Stytch's own refusal of a code (`invalid_code`) reads the same: ./errors.ts writes these words too.
 */
export const factor = {
  errorInvalidCode: 'Enter all {length} digits.',
} as const;
