// A page's own module script, for test pages (/__test/page.html): hands <mfa-flow> the primary-auth
// answer the page holds as JSON (`#auth-response`), as a host's script does after its login.
const data = document.getElementById('auth-response')!;
const flow = document.querySelector('mfa-flow') as unknown as { authResponse: unknown };
flow.authResponse = JSON.parse(data.textContent!);
