/**
 * The English strings of `<sms-otp-input>`'s phone entry (loaded with it). A number refused before
 * sending is worded as Stytch's refusal is: ./errors.ts takes `errorInvalidPhone` from here. (Not
 * the other way round: the errors load late, in a chunk of their own that imports from the elements'
 * code, and an element importing it back would be a cycle the CDN entry cannot start from.)
 */
export const smsPhone = {
  smsPhoneTitle: 'Add a phone number',
  smsPhoneIntro: 'We will text a one-time code to this number each time you sign in.',
  smsSend: 'Send code',
  smsSending: 'Sending…',
  errorInvalidPhone: 'That phone number is not valid. Check it and try again.',
} as const;
