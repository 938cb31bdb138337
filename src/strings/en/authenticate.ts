/** The English strings of `<mfa-authenticate>` itself: the ways to switch method. */
export const authenticate = {
  switchToSms: 'Text a code to {phone} instead',
  switchToTotp: 'Use your authenticator app instead',
  switchToRecovery: 'Use a recovery code',
} as const;
