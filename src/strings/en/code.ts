/** The English strings of `<mfa-code-input>`. */
export const code = {
  codeLabel: 'Verification code',
  codeRequired: 'Enter the code.',
  codeIncomplete: 'Enter all {length} digits.',
} as const;
