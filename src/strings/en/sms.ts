/** The English strings of `<sms-otp-input>`. */
export const sms = {
  smsCodeTitle: 'Check your phone',
  smsCodeIntro: 'We sent a {length}-digit code to {phone}.',
  smsCodeIntroNoPhone: 'Enter the {length}-digit code we sent to your phone.',
  smsVerify: 'Verify',
  smsVerifying: 'Verifying…',
  smsResend: 'Resend code',
  smsRetry: 'Try again',
  smsResendIn: 'Resend code in {seconds} s',
  smsResendReady: 'You can ask for a new code now.',
  smsResent: 'We sent a new code to {phone}.',
  smsChangeNumber: 'Use a different number',
  smsDone: 'Phone number verified.',
} as const;
