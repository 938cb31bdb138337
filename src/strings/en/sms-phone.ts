/** The English strings of `<sms-otp-input>`'s phone entry (loaded with it). */
export const smsPhone = {
  smsPhoneTitle: 'Add a phone number',
  smsPhoneIntro: 'We will text a one-time code to this number each time you sign in.',
  smsSend: 'Send code',
  smsSending: 'Sending…',
  errorInvalidPhone: 'That phone number is not valid. Check it and try again.',
} as const;
