/** The English strings of `<mfa-flow>`. */
export const flow = {
  flowSignedIn: 'You are signed in.',
  flowSigningIn: 'Signing you in…',
} as const;
