import { errors } from './errors.js';

/**
 * The English strings of `<sms-otp-input>`'s phone entry (loaded with it). A number refused before
 * sending words its message as Stytch's refusal does (that message loads with Stytch's, see
 * ./errors.ts, as a number given by the page is refused only by Stytch).
 */
export const smsPhone = {
  smsPhoneTitle: 'Add a phone number',
  smsPhoneIntro: 'We will text a one-time code to this number each time you sign in.',
  smsSend: 'Send code',
  smsSending: 'Sending…',
  errorInvalidPhone: errors.errorInvalidPhone,
} as const;
