// The demo page: a primary login with the seeded members, then <mfa-flow> for whatever MFA they need,
// then, signed in, <mfa-settings> to manage their methods.
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

const provider = document.querySelector<MfaProvider>('#provider')!;
provider.apiUrl = location.origin;
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

async function start(): Promise<void> {
  const client = (await provider.getClient())!;
  const seed = (await (await fetch('/__emulator/seed')).json()) as Seed;
  const { organization } = await client.organization.getBySlug({ organization_slug: 'acme' });
  if (!organization) throw new Error('the emulator does not know the acme organization');
  status.textContent = `Connected: the Stytch SDK reached the emulator and found ${organization.organization_name}.`;
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
    client.passwords
      .authenticate({
        organization_id: member.organization_id,
        email_address: member.email_address,
        password: (form.elements.namedItem('password') as HTMLInputElement).value,
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
