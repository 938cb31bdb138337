// A page's own module script, for test pages (/__test/page.html): hands <mfa-flow> the primary-auth
// answer the page holds as JSON (`#auth-response`), as a host's script does after its login — at once,
// or (loaded as `late-answer.ts?on=dcl`) from its own `DOMContentLoaded` listener on the document.
const hand = () => {
  const data = document.getElementById('auth-response')!;
  const flow = document.querySelector('mfa-flow') as unknown as { authResponse: unknown };
  flow.authResponse = JSON.parse(data.textContent!);
};
if (new URL(import.meta.url).searchParams.get('on') === 'dcl')
  document.addEventListener('DOMContentLoaded', hand);
else hand();
