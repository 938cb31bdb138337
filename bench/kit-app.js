// The kit bundled into an app by Vite (not the CDN build): <mfa-flow> with the host's answer, or, on
// the magic-link landing (no answer on the page), `handle-redirect`.
import 'stytch-mfa-elements/mfa-provider';
import 'stytch-mfa-elements/mfa-flow';

const data = document.getElementById('auth-response');
if (data) document.querySelector('mfa-flow').authResponse = JSON.parse(data.textContent);
