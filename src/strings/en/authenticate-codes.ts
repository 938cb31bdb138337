/**
 * The English strings of `<mfa-authenticate>`'s TOTP and recovery-code steps: they load with those
 * steps (src/elements/mfa-authenticate/code-steps.ts).
 */
export const authenticateCodes = {
  authTotpTitle: 'Enter the code from your authenticator app',
  authTotpIntro: 'Open your authenticator app and enter the {length}-digit code it shows.',
  authRecoveryTitle: 'Use a recovery code',
  authRecoveryIntro: 'Enter one of the recovery codes you saved when you set up your authenticator app.',
  recoveryCodeLabel: 'Recovery code',
  authVerify: 'Verify',
  authVerifying: 'Verifying…',
  authRemaining:
    'Signed in. {count, plural, one {You have # recovery code left.} other {You have # recovery codes left.}}',
  authRemainingFew:
    'Signed in. {count, plural, one {Only # recovery code is left} other {Only # recovery codes are left}}: create new ones in your security settings before you run out.',
  authRemainingNone:
    'Signed in. That was your last recovery code: create new ones in your security settings now.',
  authContinue: 'Continue',
  authDone: 'Verified.',
  recoveryCodeRequired: 'Enter a recovery code.',
} as const;
