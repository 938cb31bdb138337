/** The English strings of `<mfa-enroll>`. */
export const enroll = {
  enrollTitle: 'Protect your account with a second step',
  enrollIntro: 'Choose how you will confirm it is you each time you sign in.',
  enrollMethodsLabel: 'Verification methods',
  methodSms: 'Text message',
  methodSmsHint: 'We text a code to your phone.',
  methodTotp: 'Authenticator app',
  methodTotpHint: 'An app on your phone shows a code.',
  enrollBack: 'Choose another method',
} as const;
