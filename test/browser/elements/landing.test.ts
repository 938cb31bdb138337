// The page a magic link lands on (<mfa-flow handle-redirect>): the SDK has yet to load and read the
// token, so the member is told at once, in the live region, that they are being signed in.
import { expect } from '@open-wc/testing';
import '../../../src/elements/mfa-provider/mfa-provider.js';
import '../../../src/elements/mfa-flow/mfa-flow.js';
import type { MfaFlow } from '../../../src/elements/mfa-flow/mfa-flow.js';
import type { MfaProvider } from '../../../src/elements/mfa-provider/mfa-provider.js';
import { testClient } from '../support/client.js';
import { ORGANIZATION_IDS } from '../support/emulator.js';
import { freshVisitor } from '../support/visitor.js';
import { waitUntil } from '../support/wait.js';

async function magicLinkSearch(email: string): Promise<string> {
  await testClient().magicLinks.email.loginOrSignup({
    email_address: email,
    organization_id: ORGANIZATION_IDS.acme,
    login_redirect_url: `${location.origin}/landing`,
  });
  const emails = (await (await fetch(`/__emulator/email?to=${email}`)).json()) as { link: string }[];
  return new URL(emails.at(-1)!.link).search;
}

describe('the magic-link landing', () => {
  freshVisitor();
  const page = location.href;
  let provider: MfaProvider | undefined;
  afterEach(() => {
    provider?.remove();
    history.replaceState(null, '', page);
  });

  it('says "Signing you in…" in the live region from its first render, then shows code entry', async () => {
    history.replaceState(null, '', `${location.pathname}${await magicLinkSearch('sms@acme.test')}`);
    provider = document.createElement('mfa-provider');
    provider.client = testClient();
    const flow = document.createElement('mfa-flow') as MfaFlow;
    flow.handleRedirect = true;
    provider.append(flow);
    document.body.append(provider);
    await flow.updateComplete; // the first render: no network answer can have come yet
    const status = () => flow.shadowRoot!.querySelector('[part~="status"]')!;
    expect(status().getAttribute('role')).to.equal('status');
    expect(status().textContent!.trim()).to.equal('Signing you in…');
    await waitUntil(() => flow.step === 'enter-sms-code', 'code entry', { timeout: 10_000 });
    expect(status().textContent!.trim()).to.equal('');
  });
});
