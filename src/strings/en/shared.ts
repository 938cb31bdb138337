/**
 * What every element that calls Stytch may show before a call answers: a number refused before
 * sending, and a network failure (known without Stytch's answer). A setup mistake's messages load
 * with Stytch's error messages (./errors.ts).
 */
export const shared = {
  enrollNoMethods: 'Your organization allows no verification method this page offers.',
  errorInvalidPhone: 'That phone number is not valid. Check it and try again.',
  errorNetwork: 'We could not reach the server. Check your connection and try again.',
} as const;
