// The host's own code on a kit page: the primary-auth answer it already has (inlined as JSON data,
// not script) handed to the flow.
const data = document.getElementById('auth-response');
document.querySelector('mfa-flow').authResponse = JSON.parse(data.textContent);
