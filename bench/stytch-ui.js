// Stytch's own prebuilt B2B UI, as its docs now mount it (the `StytchB2B` web component; the older
// `mount()` renders nothing in this SDK version). On the first-step pages it shows the email field of
// its discovery flow; on the magic-link landing (`data-want="code"`) it reads the token in the URL,
// logs the member in and shows the MFA step.
import { B2BProducts, StytchB2B, StytchB2BClient } from '@stytch/vanilla-js/b2b';

const { api, want } = document.documentElement.dataset;
customElements.define('stytch-b2b', StytchB2B);
const ui = document.createElement('stytch-b2b');
ui.client = new StytchB2BClient('public-token-test-bench-stytch-ui', {
  endpoints: { testAPIURL: api, liveAPIURL: api },
});
ui.config = {
  products: [B2BProducts.emailMagicLinks],
  sessionOptions: { sessionDurationMinutes: 60 },
  ...(want === 'code'
    ? {
        authFlowType: 'Organization',
        emailMagicLinksOptions: { loginRedirectURL: location.href, signupRedirectURL: location.href },
      }
    : { authFlowType: 'Discovery', emailMagicLinksOptions: { discoveryRedirectURL: `${location.origin}/` } }),
};
document.getElementById('ui').append(ui);
