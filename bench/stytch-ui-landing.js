// Stytch's prebuilt B2B UI on the page a magic link lands on: it reads the token in the URL, logs the
// member in and shows the MFA step (here the SMS code, sent by the login).
import { B2BProducts, StytchB2B, StytchB2BClient } from '@stytch/vanilla-js/b2b';

const api = document.documentElement.dataset.api;
customElements.define('stytch-b2b', StytchB2B);
const ui = document.createElement('stytch-b2b');
ui.client = new StytchB2BClient('public-token-test-bench-stytch-ui', {
  endpoints: { testAPIURL: api, liveAPIURL: api },
});
ui.config = {
  products: [B2BProducts.emailMagicLinks],
  sessionOptions: { sessionDurationMinutes: 60 },
  authFlowType: 'Organization',
  emailMagicLinksOptions: { loginRedirectURL: location.href, signupRedirectURL: location.href },
};
document.getElementById('ui').append(ui);
