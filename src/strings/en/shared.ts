/**
 * What every element that calls Stytch may show before a call answers: its setup, a number refused
 * before sending, and a network failure (known without Stytch's answer).
 */
export const shared = {
  noClient:
    'Multi-factor authentication is not configured: give this element a Stytch client, or place it inside <mfa-provider>.',
  noMember: 'Sign in first: there is no member to verify.',
  enrollNoMethods: 'Your organization allows no verification method this page offers.',
  errorInvalidPhone: 'That phone number is not valid. Check it and try again.',
  errorNetwork: 'We could not reach the server. Check your connection and try again.',
} as const;
