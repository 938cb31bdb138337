/**
 * stytch-mfa-elements: Lit custom elements for Stytch B2B multi-factor authentication.
 * Importing this module registers every element; each element's own module registers just it.
 */
export { MfaProvider } from './elements/mfa-provider/mfa-provider.js';
export { MfaCodeInput } from './elements/mfa-code-input/mfa-code-input.js';
export { MfaPhoneInput } from './elements/mfa-phone-input/mfa-phone-input.js';
export { SmsOtpInput } from './elements/sms-otp-input/sms-otp-input.js';
export { TotpSetup } from './elements/totp-setup/totp-setup.js';
export { MfaRecoveryCodes } from './elements/mfa-recovery-codes/mfa-recovery-codes.js';
export { MfaEnroll } from './elements/mfa-enroll/mfa-enroll.js';
export { MfaAuthenticate } from './elements/mfa-authenticate/mfa-authenticate.js';
export { MfaFlow } from './elements/mfa-flow/mfa-flow.js';
export { MfaSettings } from './elements/mfa-settings/mfa-settings.js';
export { MfaOrgPolicy } from './elements/mfa-org-policy/mfa-org-policy.js';
export { MfaMembers } from './elements/mfa-members/mfa-members.js';
export { MfaElement } from './elements/mfa-element.js';
export { registerLocale } from './strings/locales.js';
export {
  createBackendClient,
  type BackendClient,
  type BackendClientOptions,
} from './stytch/backend-client.js';
export type { MfaStrings, StringKey } from './strings/locales.js';
export type * from './events.js';
export type { MfaMethod, MfaStep, Enrollment } from './types.js';
export type { AuthResponse } from './stytch/member.js';
export type { MfaClient, StytchClient } from './stytch/types.js';
