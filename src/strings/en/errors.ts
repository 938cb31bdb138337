import { smsPhone } from './sms-phone.js';

/**
 * The messages Stytch's errors map to (src/stytch/error-types.ts), and those of an element that
 * cannot start. They load with that map, when the first call is made (or the element finds it
 * cannot), not with the elements. `errorInvalidCode` is written out with the same words as ./factor.ts
 * (a code refused before sending): importing them would make them a chunk of their own on every code
 * step's route, as the factor elements load them too.
 */
export const errors = {
  noClient:
    'Multi-factor authentication is not configured: give this element a Stytch client, or place it inside <mfa-provider>.',
  noMember: 'Sign in first: there is no member to verify.',
  enrollNoMethods: 'Your organization allows no verification method this page offers.',
  totpPendingExists:
    'An authenticator setup was started for your account and not finished. If you already added it to your app, enter a code from it; otherwise try again once it expires.',
  totpPendingUntil:
    'An authenticator setup was started for your account and not finished. If you already added it to your app, enter a code from it; otherwise start again after {time}.',
  totpActiveExists:
    'You already have an authenticator app set up. Sign in with it, or remove it in your security settings before adding another.',
  totpExpired: 'This setup expired before it was finished. Start again to get a new QR code.',
  errorInvalidCode: 'Enter all {length} digits.',
  errorWrongCode: 'That code is not right. Check it and try again.',
  errorCodeExpired: 'That code has expired or was already used. Send a new code.',
  errorInvalidPhone: smsPhone.errorInvalidPhone,
  errorPhoneCountry: 'Text messages cannot be sent to that country. Use another number.',
  errorPhoneUnsubscribed:
    'That number has opted out of text messages. Reply START to our texts, or use another number.',
  errorPhoneTaken: 'That number cannot be used for this account. Use another number.',
  errorRateLimited: 'Too many attempts. Try again in {seconds} seconds.',
  errorRateLimitedLater: 'Too many attempts. Wait a few minutes, then try again.',
  errorSessionExpired: 'Your sign-in has expired. Sign in again to continue.',
  signInLink: 'Go to sign-in',
  errorMethodNotAllowed: 'Your organization does not allow this verification method.',
  errorServer: 'Something went wrong on our side. Try again.',
  errorGeneric: 'Something went wrong. Try again.',
  errorUnauthorized: 'Your role does not allow this. Ask an administrator of your organization.',
  errorLinkUsed: 'That sign-in link has expired or was already used. Ask for a new one.',
  errorTotpReused: 'That code was already used. Wait for the next code in your app.',
  errorWrongRecoveryCode: 'That recovery code is not right, or was already used.',
  errorNoRecoveryCodes: 'You have no recovery codes: they come with an authenticator app.',
} as const;
