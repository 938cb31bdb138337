// The README's code blocks on the elements, run as written in a page of their own: a real page load
// (its module scripts, its `load` event), only the placeholders (`…`) filled in. Waiting for the page
// to say who is signing in is not an error: none of them fires `mfa-error`.
import { expect } from '@open-wc/testing';
import type { MfaStep } from '../../../src/types.js';
import { login, PUBLIC_TOKEN, signOut, testClient } from '../support/client.js';
import { injectFault, ORGANIZATION_IDS, resetEmulator, SEED_PASSWORD } from '../support/emulator.js';
import { hostLogin } from '../support/logins.js';

import '../support/network-guard.js';
import { frameLoaded, showPage } from '../support/test-page.js';
import { waitUntil } from '../support/wait.js';

/** The emulator's email outbox for an address (its dev route). */
async function emailOutbox(to: string): Promise<{ link: string }[]> {
  return (await fetch(`/__emulator/email?to=${encodeURIComponent(to)}`)).json();
}

const readmeText = async () => (await fetch('/README.md')).text();

/** The README's ```html block that follows `heading`, as written. */
async function readmeBlock(heading: string): Promise<string> {
  const readme = await readmeText();
  if (!readme.includes(heading)) throw new Error(`No ${heading} in the README`);
  const after = readme.slice(readme.indexOf(heading));
  const block = /```html\n([\s\S]*?)```/.exec(after)?.[1];
  if (!block) throw new Error(`No html block after ${heading}`);
  return block;
}

interface Seen {
  type: string;
  code?: string;
}

/**
 * Opens `body` as a page in an iframe: the kit's bare specifier maps to the sources, and a first
 * classic script records every kit event from the start. Resolves with the frame's window.
 */
async function openPage(body: string, search = ''): Promise<Window & { seen: Seen[] }> {
  const record = `window.seen = [];
for (const type of ['mfa-step', 'mfa-error', 'mfa-authenticated'])
  document.addEventListener(type, (e) => window.seen.push({ type, code: e.detail.code ?? e.detail.step }));`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8" />
<script type="importmap">{"imports": {"stytch-mfa-elements": "/src/index.ts",
  "stytch-mfa-elements/mfa-provider": "/src/elements/mfa-provider/mfa-provider.ts",
  "stytch-mfa-elements/mfa-org-policy": "/src/elements/mfa-org-policy/mfa-org-policy.ts",
  "stytch-mfa-elements/mfa-members": "/src/elements/mfa-members/mfa-members.ts"}}</script>
<script>${record}</script></head><body>
${body}
</body></html>`;
  const frame = await showPage(html, search.replace(/^\?/, ''));
  await frameLoaded(frame);
  return frame.contentWindow as Window & { seen: Seen[] };
}

/** The README's headings (or bold list items) whose ```html block a test below runs. */
const RUN_HERE = [
  '## Using the elements',
  '**Your own words**',
  '### No script at all',
  '## Backend mode: MFA through your own server',
  '### `<mfa-org-policy>` and `<mfa-members>`',
];

/**
 * The README's other ```html blocks, each run as written by another test: the example site's pages
 * (the files test/server/example-site.test.ts serves; test/package/readme-examples.test.ts holds the
 * README's copies equal to them) and the CDN script tag (test/package/install.test.ts).
 */
const RUN_ELSEWHERE = [
  '`examples/pages/login.html`:',
  '`examples/pages/mfa.html`:',
  '`examples/pages/account.html`:',
  '## CDN',
];

/** The kit, as "Using the elements" loads it. */
const KIT = `<script type="module">import 'stytch-mfa-elements';</script>`;

const stepIn = (win: Window, selector: string) =>
  (win.document.querySelector(selector) as (Element & { step: MfaStep | null }) | null)?.step;

describe('the README, run as written', () => {
  beforeEach(async () => {
    await signOut();
    await fetch('/api/logout', { method: 'POST' });
    await resetEmulator();
  });

  it('runs every ```html block of the README, here or in the test named', async () => {
    const readme = await readmeText();
    const blocks = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]).sort();
    const covered = await Promise.all([...RUN_HERE, ...RUN_ELSEWHERE].map(readmeBlock));
    expect(blocks).to.deep.equal(covered.sort());
  });
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('"Using the elements": awaiting getClient() then setting authResponse fires no mfa-error', async () => {
    const block = (await readmeBlock('## Using the elements'))
      .replace('public-token-live-…"', `${PUBLIC_TOKEN}" api-url="${location.origin}"`)
      .replace(
        '{ … }',
        JSON.stringify({
          organization_id: ORGANIZATION_IDS.acme,
          email_address: 'new@acme.test',
          password: SEED_PASSWORD,
          session_duration_minutes: 60,
        }),
      );
    expect(block).to.contain('await provider.getClient()');
    // The page's login takes a real round trip to Stytch (here 1 s): the element must wait for it.
    await injectFault({ path: '/b2b/passwords/authenticate', delay_ms: 1000 });
    const win = await openPage(block);
    await waitUntil(() => stepIn(win, 'sms-otp-input') === 'enter-phone', 'phone entry', { timeout: 10_000 });
    expect(win.seen.filter((e) => e.type === 'mfa-error')).to.deep.equal([]);
    expect(win.document.querySelector('sms-otp-input')!.shadowRoot!.textContent).to.not.contain('Sign in');
  });

  it('"No script at all": a magic link opens the page, and the flow reaches code entry without mfa-error', async () => {
    const block = (await readmeBlock('### No script at all'))
      .replace('https://unpkg.com/stytch-mfa-elements', '/src/cdn.ts')
      .replace('public-token-live-…"', `${PUBLIC_TOKEN}" api-url="${location.origin}"`);
    expect(block).to.contain('<mfa-flow handle-redirect');
    await testClient().magicLinks.email.loginOrSignup({
      email_address: 'sms@acme.test',
      organization_id: ORGANIZATION_IDS.acme,
      login_redirect_url: `${location.origin}/signed-in`,
    });
    const [email] = await emailOutbox('sms@acme.test');
    const win = await openPage(block, new URL(email!.link).search);
    await waitUntil(() => stepIn(win, 'mfa-flow') === 'enter-sms-code', 'code entry', { timeout: 10_000 });
    expect(win.seen.filter((e) => e.type === 'mfa-error')).to.deep.equal([]);
  });

  it('"Backend mode": the provider and flow alone reach code entry for the server\'s member, no mfa-error', async () => {
    const block = await readmeBlock('## Backend mode: MFA through your own server');
    expect(block).to.contain('<mfa-provider backend-url="/api/mfa">');
    await hostLogin('sms@acme.test');
    const win = await openPage(`${KIT}\n${block}`);
    await waitUntil(() => stepIn(win, 'mfa-flow') === 'enter-sms-code', 'code entry', { timeout: 10_000 });
    expect(win.seen.filter((e) => e.type === 'mfa-error')).to.deep.equal([]);
  });

  it('"<mfa-org-policy> and <mfa-members>": a signed-in admin sees the policy and the members, no mfa-error', async () => {
    const block = (await readmeBlock('### `<mfa-org-policy>` and `<mfa-members>`')).replace(
      'public-token-live-…"',
      `${PUBLIC_TOKEN}" api-url="${location.origin}"`,
    );
    expect(block).to.contain("import 'stytch-mfa-elements/mfa-members'");
    await login('admin@initech.test', ORGANIZATION_IDS.initech); // MFA optional there: a full session
    const win = await openPage(block);
    await waitUntil(() => stepIn(win, 'mfa-org-policy') === 'select-method', 'the policy', {
      timeout: 10_000,
    });
    await waitUntil(() => stepIn(win, 'mfa-members') === 'select-method', 'the members', { timeout: 10_000 });
    expect(win.seen.filter((e) => e.type === 'mfa-error')).to.deep.equal([]);
    const members = win.document.querySelector('mfa-members')!.shadowRoot!;
    expect(members.querySelectorAll('[part~="member"]')).to.have.length(2);
    expect(members.querySelector('[part~="require-button"]')).to.not.equal(null);
  });

  it('"Your own words": the heading and help slots show around the steps, no mfa-error', async () => {
    // The block is the flow alone: here inside the backend-mode provider, which needs no script.
    const block = await readmeBlock('**Your own words**');
    expect(block).to.contain('slot="heading"');
    await hostLogin('sms@acme.test');
    const win = await openPage(`${KIT}\n<mfa-provider backend-url="/api/mfa">${block}</mfa-provider>`);
    await waitUntil(() => stepIn(win, 'mfa-flow') === 'enter-sms-code', 'code entry', { timeout: 10_000 });
    expect(win.seen.filter((e) => e.type === 'mfa-error')).to.deep.equal([]);
    const flow = win.document.querySelector('mfa-flow')!;
    const assigned = (name: string) =>
      flow
        .shadowRoot!.querySelector<HTMLSlotElement>(`slot[name="${name}"]`)!
        .assignedElements()
        .map((el) => el.textContent);
    expect(assigned('heading')).to.deep.equal(['Confirm it is you']);
    expect(assigned('help')).to.deep.equal(['Lost your phone? Call the help desk on 555-0100.']);
    const heading = flow.querySelector('h2')!.getBoundingClientRect();
    expect(heading.height).to.be.greaterThan(0);
  });
});
