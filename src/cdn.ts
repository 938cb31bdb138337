// The CDN ES entry. It defines, as it runs, what <mfa-flow>'s first step needs on every route
// (returning SMS or TOTP, enrollment's method choice), so nothing is fetched between it and the first
// field. Every other element is defined by the root entry's chunk, which this entry requests by
// itself: at once when the page holds an element not defined yet (say <mfa-settings>), else once the
// first frame has painted. `customElements.whenDefined(tag)` resolves for every tag either way.
export { MfaProvider } from './elements/mfa-provider/mfa-provider.js';
export { MfaCodeInput } from './elements/mfa-code-input/mfa-code-input.js';
export { SmsOtpInput } from './elements/sms-otp-input/sms-otp-input.js';
export { MfaEnroll } from './elements/mfa-enroll/mfa-enroll.js';
export { MfaAuthenticate } from './elements/mfa-authenticate/mfa-authenticate.js';
export { MfaFlow } from './elements/mfa-flow/mfa-flow.js';
export { MfaElement } from './elements/mfa-element.js';
export { registerLocale } from './strings/locales.js';
export { createBackendClient } from './stytch/backend-client.js';

let rest: Promise<unknown> | undefined;
/** The root entry: every element (those above are defined already). */
const defineRest = (): void => void (rest ??= import('./index.js'));
if (document.querySelector(':not(:defined)')) defineRest();
else {
  requestAnimationFrame(() => setTimeout(defineRest));
  setTimeout(defineRest, 200); // a hidden tab paints no frame
}
