// The state's tables are Maps: records stored under any name (an inherited one included) are found by
// that name only, survive the data file, and `emulator.state` is a copy in the file's form.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createEmulator, PROJECT, SEED_PASSWORD, type Emulator, type Seed } from '../../emulator/index.js';
import { call, sdkLogin, useEmulator } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'stytch-emulator-tables-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const PROJECT_AUTH = `Basic ${Buffer.from(`${PROJECT.project_id}:${PROJECT.secret}`).toString('base64')}`;

const organization = (id: string, slug: string) => ({
  organization_id: id,
  organization_slug: slug,
  organization_name: `Org ${slug}`,
  mfa_policy: 'OPTIONAL' as const,
  mfa_methods: 'ALL_ALLOWED' as const,
  allowed_mfa_methods: [],
});

/** A seed whose IDs are the names every object inherits. */
const SEED: Seed = {
  organizations: [organization('__proto__', 'proto'), organization('constructor', 'ctor')],
  members: [
    {
      member_id: 'toString',
      organization_id: '__proto__',
      email_address: 'odd@proto.test',
      name: 'Odd Ids',
      password: SEED_PASSWORD,
      mfa_phone_number: '',
      totp_secret: '',
      recovery_codes: [],
    },
  ],
};

const running: Emulator[] = [];
after(() => Promise.all(running.map((emulator) => emulator.close())));

async function start(options: Parameters<typeof createEmulator>[0]) {
  const emulator = createEmulator(options);
  running.push(emulator);
  const server = await emulator.listen(0);
  return { emulator, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function organizationName(base: string, id: string): Promise<unknown> {
  const answer = await call(base, 'GET', `/v1/b2b/organizations/${id}`, undefined, { auth: PROJECT_AUTH });
  return answer.status === 200 ? answer.body.organization.organization_name : answer.body.error_type;
}

describe('state tables', () => {
  it('a seed may use inherited names as IDs, and a restart keeps them', async () => {
    const file = join(dir, 'odd.json');
    const first = await start({ seed: SEED, dataFile: file });
    assert.equal(await organizationName(first.base, '__proto__'), 'Org proto');
    assert.equal(await organizationName(first.base, 'constructor'), 'Org ctor');
    assert.equal(await organizationName(first.base, 'toString'), 'organization_not_found');
    const login = await sdkLogin(first.base, 'odd@proto.test', '__proto__');
    assert.equal(login.status, 200);
    assert.equal(login.body.data.member.member_id, 'toString');
    await first.emulator.close();

    // The file holds each as an own key, as any other ID.
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, object>;
    assert.deepEqual(Object.keys(saved.organizations!), ['__proto__', 'constructor']);
    assert.ok(Object.hasOwn(saved.members!, 'toString'));

    const second = await start({ seed: SEED, dataFile: file });
    assert.equal(await organizationName(second.base, '__proto__'), 'Org proto');
    const member = await call(
      second.base,
      'GET',
      '/v1/b2b/organizations/__proto__/member?member_id=toString',
      undefined,
      { auth: PROJECT_AUTH },
    );
    assert.equal(member.body.member.email_address, 'odd@proto.test');
  });
});

describe('emulator.state', () => {
  const ctx = useEmulator();

  it("is a copy in the data file's form: changing it changes nothing", async () => {
    const login = await sdkLogin(ctx.base, 'sms@acme.test');
    const state = ctx.emulator.state;
    assert.equal(Object.keys(state.members).length, 8);
    assert.equal(Object.keys(state.intermediate_sessions).length, 1);
    assert.equal(state.sms_outbox.length, 1);

    const ist = login.body.data.intermediate_session_token as string;
    delete state.intermediate_sessions[ist];
    state.sms_outbox.length = 0;
    assert.deepEqual(Object.keys(ctx.emulator.state.intermediate_sessions), [ist]);
    assert.equal(ctx.emulator.state.sms_outbox.length, 1);
  });
});
