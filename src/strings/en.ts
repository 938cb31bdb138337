/**
 * The English strings: every visible or announced string of the kit, by key. `{name}` marks a
 * value filled in at run time. Override any of them with an element's `strings` property, or add a
 * locale with `registerLocale()`.
 */
export const en = {
  // Configuration
  noClient:
    'Multi-factor authentication is not configured: give this element a Stytch client, or place it inside <mfa-provider>.',
  noMember: 'Sign in first: there is no member to verify.',

  // <mfa-code-input>
  codeLabel: 'Verification code',
  codeHint: 'Enter the {length}-digit code.',
  codeRequired: 'Enter the code.',
  codeIncomplete: 'Enter all {length} digits.',

  // <mfa-phone-input>
  phoneLabel: 'Phone number',
  countryLabel: 'Country',
  phoneHint: 'We will text a code to this number.',
  phoneRequired: 'Enter a phone number.',
  phoneInvalid: 'Enter a valid phone number for the country you chose.',
  phoneLoading: 'Loading phone number formats…',

  // <sms-otp-input>
  smsPhoneTitle: 'Add a phone number',
  smsPhoneIntro: 'We will text a one-time code to this number each time you sign in.',
  smsSend: 'Send code',
  smsSending: 'Sending…',
  smsCodeTitle: 'Check your phone',
  smsCodeIntro: 'We sent a {length}-digit code to {phone}.',
  smsCodeIntroNoPhone: 'Enter the {length}-digit code we sent to your phone.',
  smsVerify: 'Verify',
  smsVerifying: 'Verifying…',
  smsResend: 'Resend code',
  smsResendIn: 'Resend code in {seconds} s',
  smsResendAvailableAt: 'You can ask for a new code in {seconds} seconds.',
  smsResendReady: 'You can ask for a new code now.',
  smsResent: 'We sent a new code to {phone}.',
  smsChangeNumber: 'Use a different number',
  smsDone: 'Phone number verified.',

  // Errors (by Stytch's error_type, mapped in src/stytch/errors.ts)
  errorWrongCode: 'That code is not right. Check it and try again.',
  errorCodeExpired: 'That code has expired or was already used. Send a new code.',
  errorInvalidCode: 'Enter the {length}-digit code.',
  errorInvalidPhone: 'That phone number is not valid. Check it and try again.',
  errorPhoneCountry: 'Text messages cannot be sent to that country. Use another number.',
  errorPhoneUnsubscribed:
    'That number has opted out of text messages. Reply START to our texts, or use another number.',
  errorPhoneTaken: 'That number cannot be used for this account. Use another number.',
  errorRateLimited: 'Too many attempts. Try again in {seconds} seconds.',
  errorRateLimitedLater: 'Too many attempts. Wait a few minutes, then try again.',
  errorSessionExpired: 'Your sign-in has expired. Sign in again to continue.',
  errorMethodNotAllowed: 'Your organization does not allow this verification method.',
  errorNetwork: 'We could not reach the server. Check your connection and try again.',
  errorServer: 'Something went wrong on our side. Try again.',
  errorGeneric: 'Something went wrong. Try again.',
} as const;

export type StringKey = keyof typeof en;

/** A full strings table: one string per key. */
export type MfaStrings = Record<StringKey, string>;
