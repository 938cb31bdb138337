/**
 * What every element that calls Stytch may show before a call answers: a network failure (known
 * without Stytch's answer). A setup mistake's messages, and that of an organization whose policy
 * leaves no method to offer, load with Stytch's error messages (./errors.ts); that of a number
 * refused before sending, with the phone step (./sms-phone.ts).
 */
export const shared = {
  errorNetwork: 'We could not reach the server. Check your connection and try again.',
} as const;
