/** The English strings of `<mfa-flow>`. */
export const flow = {
  flowSignedIn: 'You are signed in.',
} as const;
