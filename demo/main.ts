// The demo page: for now it proves the SDK reaches the emulator and runs a primary login.
import { StytchB2BHeadlessClient } from '@stytch/vanilla-js/b2b/headless';
import type { StytchClientOptions } from '@stytch/vanilla-js';

interface SeedMember {
  member_id: string;
  organization_id: string;
  email_address: string;
}
interface Seed {
  organizations: { organization_id: string; organization_slug: string; organization_name: string }[];
  members: SeedMember[];
}

const PUBLIC_TOKEN = 'public-token-test-demo-0000-0000-000000000000';
const client = new StytchB2BHeadlessClient(PUBLIC_TOKEN, {
  endpoints: { testAPIURL: location.origin, liveAPIURL: location.origin },
} as StytchClientOptions);

const status = document.querySelector<HTMLElement>('#status')!;
const form = document.querySelector<HTMLFormElement>('#login')!;
const memberSelect = document.querySelector<HTMLSelectElement>('#member')!;
const result = document.querySelector<HTMLElement>('#result')!;

async function start(): Promise<void> {
  const seed = (await (await fetch('/__emulator/seed')).json()) as Seed;
  const { organization } = await client.organization.getBySlug({ organization_slug: 'acme' });
  if (!organization) throw new Error('the emulator does not know the acme organization');
  status.textContent = `Connected: the Stytch SDK reached the emulator and found ${organization.organization_name}.`;
  status.dataset.state = 'connected';

  for (const member of seed.members) {
    const org = seed.organizations.find((o) => o.organization_id === member.organization_id);
    const option = new Option(`${member.email_address} (${org?.organization_name ?? ''})`, member.member_id);
    memberSelect.append(option);
  }
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const member = seed.members.find((m) => m.member_id === memberSelect.value)!;
    client.passwords
      .authenticate({
        organization_id: member.organization_id,
        email_address: member.email_address,
        password: (form.elements.namedItem('password') as HTMLInputElement).value,
        session_duration_minutes: 60,
      })
      .then((response) => {
        result.textContent = response.member_authenticated
          ? `Signed in as ${response.member.email_address}: no MFA needed.`
          : `MFA required for ${response.member.email_address}: ${JSON.stringify(response.mfa_required)}`;
      })
      .catch((error: unknown) => {
        result.textContent = `Sign-in failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      });
  });
}

start().catch((error: unknown) => {
  status.textContent = `Could not reach the Stytch emulator: ${error instanceof Error ? error.message : String(error)}`;
  status.dataset.state = 'failed';
});
