// The CDN ES entry. It defines, as it runs, what <mfa-flow>'s first step needs on every route
// (returning SMS or TOTP, enrollment's method choice), so nothing is fetched between it and the first
// field. Every other element is defined by the root entry's chunk, which this entry requests by
// itself: at once when the page's light DOM holds (or gets) an element not defined yet, say
// <mfa-settings>; else once a first step has painted, or when the browser is idle after `load` (an
// element inside another component's shadow root is not seen before). `customElements.whenDefined`
// resolves for every tag either way, also for an entry imported after `load`.
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
const STEP_EVENTS = ['mfa-step', 'mfa-error'];
/** The root entry: every element (those above are defined already). */
const defineRest = (): void => {
  rest ??= import('./index.js');
  watch.disconnect();
  for (const type of STEP_EVENTS) document.removeEventListener(type, afterPaint);
};
/** After the next frame has painted. */
const afterPaint = (): void => void requestAnimationFrame(() => setTimeout(defineRest));
// An element of the rest on the page, now or added later (not inside shadow roots: the kit's own
// elements load what they render themselves): at once.
const undefinedOnPage = (): boolean => Boolean(document.querySelector(':not(:defined)'));
const watch = new MutationObserver(() => undefinedOnPage() && defineRest());
if (undefinedOnPage()) defineRest();
else {
  watch.observe(document, { childList: true, subtree: true });
  // Otherwise once a first step (or why there is none) is on screen, so that it neither waits for
  // the rest nor shares the network and the main thread with it; at the latest soon after `load`.
  for (const type of STEP_EVENTS) document.addEventListener(type, afterPaint, { once: true });
  const idle = (): void => void (globalThis.requestIdleCallback ?? setTimeout)(afterPaint);
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
