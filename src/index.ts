/**
 * stytch-mfa-elements: Lit custom elements for Stytch B2B multi-factor authentication.
 * Importing this module registers every element.
 */
export const VERSION = '0.1.0';
