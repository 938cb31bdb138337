// `organization.members.search` as the admin elements use it: the operands they send, pages walked
// with cursors, an organization of 5,000 members paged through whole with no member twice or missed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEMBER_IDS, ORGANIZATION_IDS, SEED, SEED_PASSWORD, type SeedMember } from '../../emulator/index.js';
import { basic, call, sdkLogin, useEmulator } from './helpers.js';

const { acme, initech } = ORGANIZATION_IDS;
const BULK = 5000;

const ctx = useEmulator();
// initech with 5,000 more members; its admin signs in with a password alone.
const big = useEmulator({
  seed: {
    ...SEED,
    members: [
      ...SEED.members,
      ...Array.from({ length: BULK }, (_, i): SeedMember => ({
        member_id: `member-test-00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        organization_id: initech,
        email_address: `bulk${i}@initech.test`,
        name: `Bulk ${i}`,
        password: SEED_PASSWORD,
        mfa_phone_number: i % 10 === 0 ? `+1415${String(i).padStart(7, '0')}` : '',
        totp_secret: '',
        recovery_codes: [],
      })),
    ],
  },
});

async function adminToken(base: string): Promise<string> {
  const login = (await sdkLogin(base, 'admin@initech.test', initech)).body.data;
  assert.ok(login.session_token, 'initech is OPTIONAL: the password alone signs its admin in');
  return login.session_token;
}

const search = (base: string, token: string, body: unknown) =>
  call(base, 'POST', '/sdk/v1/b2b/organizations/me/members/search', body, { auth: basic(token) });

const emails = (answer: { body: any }) =>
  answer.body.data.members.map((m: { email_address: string }) => m.email_address).sort();

describe('members.search', () => {
  it("answers only the caller's organization, with Stytch's metadata and organizations map", async () => {
    const token = await adminToken(ctx.base);
    const answer = await search(ctx.base, token, {});
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(emails(answer), ['admin@initech.test', 'user@initech.test']);
    assert.deepEqual(answer.body.data.results_metadata, { total: 2, next_cursor: null });
    assert.deepEqual(Object.keys(answer.body.data.organizations), [initech]);
    const member = answer.body.data.members.find(
      (m: { member_id: string }) => m.member_id === MEMBER_IDS.adminInitech,
    );
    assert.deepEqual(
      member.roles.map((r: { role_id: string }) => r.role_id),
      ['stytch_member', 'stytch_admin'],
    );
  });

  it('filters by the operands the elements send, with AND and OR', async () => {
    const login = (await sdkLogin(ctx.base, 'admin@acme.test', acme)).body.data;
    const code = (await call(ctx.base, 'GET', '/__emulator/sms')).body.at(-1).code;
    const token = (
      await call(ctx.base, 'POST', '/sdk/v1/b2b/otps/sms/authenticate', {
        organization_id: acme,
        member_id: login.member_id,
        code,
        intermediate_session_token: login.intermediate_session_token,
      })
    ).body.data.session_token;
    const q = (operator: string, ...operands: unknown[]) =>
      search(ctx.base, token, { query: { operator, operands } });

    assert.deepEqual(emails(await q('AND', { filter_name: 'member_email_fuzzy', filter_value: 'SMS@' })), [
      'sms@acme.test',
    ]);
    assert.deepEqual(
      emails(
        await q('OR', { filter_name: 'member_emails', filter_value: ['new@acme.test', 'totp@acme.test'] }),
      ),
      ['new@acme.test', 'totp@acme.test'],
    );
    assert.deepEqual(
      emails(await q('AND', { filter_name: 'member_mfa_phone_numbers', filter_value: ['+14155550101'] })),
      ['sms@acme.test'],
    );
    assert.deepEqual(
      emails(await q('AND', { filter_name: 'member_roles', filter_value: ['stytch_admin'] })),
      ['admin@acme.test'],
    );
    assert.deepEqual(
      emails(
        await q(
          'AND',
          { filter_name: 'statuses', filter_value: ['active'] },
          { filter_name: 'member_email_fuzzy', filter_value: 'acme.test' },
        ),
      ),
      ['admin@acme.test', 'later@acme.test', 'new@acme.test', 'sms@acme.test', 'totp@acme.test'],
    );
    assert.deepEqual(
      emails(await q('AND', { filter_name: 'member_email_fuzzy', filter_value: 'initech' })),
      [],
    );
  });

  it('refuses what Stytch refuses: unknown filters (inherited names too), wrong values, bad limits and cursors', async () => {
    const token = await adminToken(ctx.base);
    const q = (operand: unknown) =>
      search(ctx.base, token, { query: { operator: 'AND', operands: [operand] } });
    const type = async (answer: Promise<{ status: number; body: any }>) => {
      const a = await answer;
      assert.equal(a.status, 400, JSON.stringify(a.body));
      return a.body.error_type;
    };
    for (const name of ['constructor', '__proto__', 'toString', 'member_favourite_colour'])
      assert.equal(
        await type(q({ filter_name: name, filter_value: ['x'] })),
        'member_search_filter_name_not_recognized',
      );
    assert.equal(await type(q({ filter_value: ['x'] })), 'member_search_missing_filter_name');
    assert.equal(await type(q({ filter_name: 'member_emails' })), 'member_search_missing_member_emails');
    assert.equal(
      await type(q({ filter_name: 'member_emails', filter_value: 'a' })),
      'member_search_expected_array_of_strings',
    );
    assert.equal(
      await type(q({ filter_name: 'member_email_fuzzy', filter_value: 'ab' })),
      'member_search_member_email_fuzzy_too_short',
    );
    assert.equal(
      await type(q({ filter_name: 'statuses', filter_value: ['gone'] })),
      'search_invalid_status_filter',
    );
    assert.equal(await type(search(ctx.base, token, { limit: 0 })), 'bad_request');
    assert.equal(await type(search(ctx.base, token, { limit: 1001 })), 'bad_request');
    assert.equal(await type(search(ctx.base, token, { cursor: 'bm90LWEtY3Vyc29y' })), 'bad_request');
  });

  it('pages through 5,000 members with cursors: every member once, the totals right', async () => {
    const token = await adminToken(big.base);
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await search(big.base, token, { limit: 1000, ...(cursor ? { cursor } : {}) });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      const { members, results_metadata } = answer.body.data;
      assert.equal(results_metadata.total, BULK + 2);
      for (const m of members) {
        assert.equal(m.organization_id, initech);
        assert.ok(!seen.has(m.member_id), `${m.member_id} came twice`);
        seen.add(m.member_id);
      }
      cursor = results_metadata.next_cursor;
      pages++;
      assert.ok(pages <= 6, 'the cursor moves on');
    } while (cursor);
    assert.equal(pages, 6);
    assert.equal(seen.size, BULK + 2);
  });

  it('pages a filtered search of 5,000 members: 500 with a phone, 100 a page', async () => {
    const token = await adminToken(big.base);
    const query = {
      operator: 'AND',
      operands: [{ filter_name: 'member_mfa_phone_number_fuzzy', filter_value: '+1415' }],
    };
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await search(big.base, token, { query, ...(cursor ? { cursor } : {}) });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.data.results_metadata.total, BULK / 10);
      assert.ok(answer.body.data.members.length <= 100);
      for (const m of answer.body.data.members) {
        assert.notEqual(m.mfa_phone_number, '');
        assert.ok(!seen.has(m.member_id), `${m.member_id} came twice`);
        seen.add(m.member_id);
      }
      cursor = answer.body.data.results_metadata.next_cursor;
      pages++;
      assert.ok(pages <= 5, 'the cursor moves on');
    } while (cursor);
    assert.equal(seen.size, BULK / 10);
  });
});
