// The Vite app of kit-app.js that also imports the SMS step (`<sms-otp-input>`), as an app whose
// members mostly verify by SMS may: that step is then in the app's entry, not a chunk after it.
import 'stytch-mfa-elements/mfa-provider';
import 'stytch-mfa-elements/mfa-flow';
import 'stytch-mfa-elements/sms-otp-input';

const data = document.getElementById('auth-response');
if (data) document.querySelector('mfa-flow').authResponse = JSON.parse(data.textContent);
