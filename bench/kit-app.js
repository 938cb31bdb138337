// The kit bundled into an app by Vite (not the CDN build): <mfa-flow> with the host's answer.
import 'stytch-mfa-elements/mfa-provider';
import 'stytch-mfa-elements/mfa-flow';

const data = document.getElementById('auth-response');
document.querySelector('mfa-flow').authResponse = JSON.parse(data.textContent);
