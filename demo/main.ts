// The demo page: a primary login with the seeded members, then <mfa-flow> for whatever MFA they need,
// then, signed in, <mfa-settings> to manage their methods. Two modes: the browser SDK talks to the
// emulator itself; "your server" (?mode=server) sends everything through the README's Express host
// (createMfaHandler and the official stytch package), which keeps the session in an HttpOnly cookie.
import '../src/index.js';
import type { MfaProvider } from '../src/index.js';

interface SeedMember {
  member_id: string;
  organization_id: string;
  email_address: string;
}
interface Seed {
  organizations: { organization_id: string; organization_slug: string; organization_name: string }[];
  members: SeedMember[];
}

const serverMode = new URLSearchParams(location.search).get('mode') === 'server';
const provider = document.querySelector<MfaProvider>('#provider')!;
if (serverMode) provider.backendUrl = '/api/mfa';
else provider.apiUrl = location.origin;

const modeHelp = document.querySelector<HTMLElement>('#mode-help')!;
modeHelp.textContent = serverMode
  ? 'Your server: the elements call /api/mfa on this origin (createMfaHandler with the official stytch package); the session stays in an HttpOnly cookie and no Stytch token reaches this page.'
  : 'Browser SDK: the elements drive StytchB2BHeadlessClient, which talks to the emulator at /sdk/v1.';
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
  radio.checked = radio.value === (serverMode ? 'server' : 'sdk');
  radio.addEventListener('change', () => {
    const url = new URL(location.href);
    if (radio.value === 'server') url.searchParams.set('mode', 'server');
    else url.searchParams.delete('mode');
    location.assign(url);
  });
}
const status = document.querySelector<HTMLElement>('#status')!;
const form = document.querySelector<HTMLFormElement>('#login')!;
const memberSelect = document.querySelector<HTMLSelectElement>('#member')!;
const result = document.querySelector<HTMLElement>('#result')!;
const mfa = document.querySelector<HTMLElement>('#mfa')!;
const settings = document.querySelector<HTMLElement>('#settings')!;

/** Signed in with a full session: the member's own settings. */
function showSettings(): void {
  settings.querySelector('mfa-settings')?.remove();
  settings.append(document.createElement('mfa-settings'));
  settings.hidden = false;
}

/** Your server's primary login (the README's Express host): the session stays in its cookie. */
async function serverLogin(member: SeedMember, password: string): Promise<void> {
  const response = await fetch('/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      organization_id: member.organization_id,
      email_address: member.email_address,
      password,
    }),
  });
  const answer = (await response.json()) as { mfa_required?: boolean; error?: string };
  if (!response.ok) throw new Error(answer.error ?? `status ${response.status}`);
  if (!answer.mfa_required) {
    result.textContent = `Signed in as ${member.email_address}: no MFA needed.`;
    showSettings();
    return;
  }
  result.textContent = `MFA required for ${member.email_address}.`;
  mfa.append(document.createElement('mfa-flow')); // it asks your server who is signing in
  mfa.hidden = false;
}

async function start(): Promise<void> {
  const seed = (await (await fetch('/__emulator/seed')).json()) as Seed;
  const client = serverMode ? null : (await provider.getClient())!;
  if (client) {
    const { organization } = await client.organization.getBySlug({ organization_slug: 'acme' });
    if (!organization) throw new Error('the emulator does not know the acme organization');
    status.textContent = `Connected: the Stytch SDK reached the emulator and found ${organization.organization_name}.`;
  } else {
    status.textContent = `Connected: your server at /api signs members in with the official stytch package.`;
  }
  status.dataset.state = 'connected';

  for (const member of seed.members) {
    const org = seed.organizations.find((o) => o.organization_id === member.organization_id);
    memberSelect.append(
      new Option(`${member.email_address} (${org?.organization_name ?? ''})`, member.member_id),
    );
  }
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const member = seed.members.find((m) => m.member_id === memberSelect.value)!;
    mfa.replaceChildren();
    mfa.hidden = true;
    settings.querySelector('mfa-settings')?.remove();
    settings.hidden = true;
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    if (!client) {
      serverLogin(member, password).catch((error: unknown) => {
        result.textContent = `Sign-in failed: ${error instanceof Error ? error.message : String(error)}`;
      });
      return;
    }
    client.passwords
      .authenticate({
        organization_id: member.organization_id,
        email_address: member.email_address,
        password,
        session_duration_minutes: 60,
      })
      .then((response) => {
        if (response.member_authenticated) {
          result.textContent = `Signed in as ${response.member.email_address}: no MFA needed.`;
          showSettings();
          return;
        }
        result.textContent = `MFA required for ${response.member.email_address}.`;
        const flow = document.createElement('mfa-flow');
        flow.authResponse = response;
        mfa.append(flow);
        mfa.hidden = false;
      })
      .catch((error: unknown) => {
        result.textContent = `Sign-in failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      });
  });
  mfa.addEventListener('mfa-authenticated', (event) => {
    result.textContent = `Signed in as ${event.detail.member.email_address} with ${event.detail.method}.`;
    showSettings();
  });
}

start().catch((error: unknown) => {
  status.textContent = `Could not reach the Stytch emulator: ${error instanceof Error ? error.message : String(error)}`;
  status.dataset.state = 'failed';
});
