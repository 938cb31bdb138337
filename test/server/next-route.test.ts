// The README's Next.js route handlers, run as Next.js runs them: Web Requests in, Responses out,
// with the official stytch package against the emulator.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { MEMBER_IDS, ORGANIZATION_IDS, PROJECT, SEED_PASSWORD } from '../../emulator/index.js';
import { call, useEmulator } from '../emulator/helpers.js';
import { INHERITED, leaksIn, PROJECT_SECRETS } from './support/leaks.js';
import { logsOf } from './support/raw.js';

const ctx = useEmulator();
type Handler = (request: Request) => Promise<Response>;
let mfa: Handler;
let login: Handler;
const ORIGIN = 'http://app.test';

function post(handler: Handler, path: string, body: unknown, headers: Record<string, string> = {}) {
  return handler(
    new Request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: ORIGIN,
        'Sec-Fetch-Site': 'same-origin',
        ...headers,
      },
      body: JSON.stringify(body),
    }),
  );
}

const cookieOf = (response: Response) => response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
const TOKENS = /session_token":"[^"]|session_jwt":"[^"]|intermediate_session_token":"[^"]/;

describe('the Next.js route handlers of the README', () => {
  before(async () => {
    process.env.STYTCH_PROJECT_ID = PROJECT.project_id;
    process.env.STYTCH_SECRET = PROJECT.secret;
    process.env.STYTCH_BASE_URL = `${ctx.base}/`;
    const warn = console.warn; // the package warns about a custom env
    console.warn = () => undefined;
    mfa = (await import('../../examples/next/app/api/mfa/[...op]/route.js')).POST;
    login = (await import('../../examples/next/app/api/login/route.js')).POST;
    console.warn = warn;
  });

  it('signs in, enrolls by SMS through the handler, and keeps every token on the server', async () => {
    const signedIn = await post(login, '/api/login', {
      organization_id: ORGANIZATION_IDS.acme,
      email_address: 'new@acme.test',
      password: SEED_PASSWORD,
    });
    assert.deepEqual(await signedIn.json(), { mfa_required: true });
    const setCookie = signedIn.headers.getSetCookie()[0]!;
    assert.match(setCookie, /HttpOnly/);
    let cookie = cookieOf(signedIn);

    const state = await post(mfa, '/api/mfa/state', {}, { cookie });
    const body = (await state.json()) as any;
    assert.equal(body.member.member_id, MEMBER_IDS.newAcme);
    assert.equal(body.mfa_required.member_options, null);

    const sent = await post(mfa, '/api/mfa/sms/send', { mfa_phone_number: '+14155550123' }, { cookie });
    assert.equal(sent.status, 200);
    const code = (await call(ctx.base, 'GET', '/__emulator/sms?to=%2B14155550123')).body.at(-1).code;
    const done = await post(
      mfa,
      '/api/mfa/sms/authenticate',
      { code, set_mfa_enrollment: 'enroll' },
      { cookie },
    );
    const text = await done.text();
    assert.equal(done.status, 200, text);
    assert.doesNotMatch(text, TOKENS);
    assert.equal(JSON.parse(text).member.mfa_enrolled, true);
    cookie = cookieOf(done);
    assert.ok(cookie, 'the new session has a new cookie');

    const after = (await (await post(mfa, '/api/mfa/state', {}, { cookie })).json()) as any;
    assert.equal(after.member_authenticated, true);
    assert.equal(after.mfa_required, null);
  });

  it('refuses cross-site requests and bodies that are not JSON, changing nothing', async () => {
    const signedIn = await post(login, '/api/login', {
      organization_id: ORGANIZATION_IDS.acme,
      email_address: 'new@acme.test',
      password: SEED_PASSWORD,
    });
    const cookie = cookieOf(signedIn);
    const attempts = [
      post(
        mfa,
        '/api/mfa/sms/send',
        { mfa_phone_number: '+14155550124' },
        { cookie, Origin: 'http://evil.test', 'Sec-Fetch-Site': 'cross-site' },
      ),
      post(
        mfa,
        '/api/mfa/sms/send',
        { mfa_phone_number: '+14155550124' },
        { cookie, 'Content-Type': 'text/plain' },
      ),
      post(
        mfa,
        '/api/mfa/sms/send',
        { mfa_phone_number: '+14155550124' },
        { cookie, 'Sec-Fetch-Site': 'same-site', Origin: 'http://sub.app.test' },
      ),
    ];
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    assert.deepEqual(statuses, [403, 415, 403]);
    assert.deepEqual((await call(ctx.base, 'GET', '/__emulator/sms?to=%2B14155550124')).body, []);
  });

  it("passes Stytch's error types through and needs a session", async () => {
    const none = await post(mfa, '/api/mfa/sms/send', {});
    assert.equal(((await none.json()) as any).error_type, 'session_not_found');
    const signedIn = await post(login, '/api/login', {
      organization_id: ORGANIZATION_IDS.acme,
      email_address: 'new@acme.test',
      password: SEED_PASSWORD,
    });
    const bad = await post(
      mfa,
      '/api/mfa/sms/send',
      { mfa_phone_number: '+1555' },
      { cookie: cookieOf(signedIn) },
    );
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as any).error_type, 'invalid_phone_number');
  });

  const signIn = async () =>
    cookieOf(
      await post(login, '/api/login', {
        organization_id: ORGANIZATION_IDS.acme,
        email_address: 'new@acme.test',
        password: SEED_PASSWORD,
      }),
    );
  const secrets = PROJECT_SECRETS;

  it('answers no inherited name: constructor, __proto__, toString… are a 404 that holds nothing', async () => {
    const cookie = await signIn();
    for (const name of INHERITED) {
      for (const path of [`/api/mfa/${name}`, `/api/mfa/x/${name}`]) {
        const response = await post(mfa, path, {}, { cookie });
        const text = await response.text();
        assert.equal(response.status, 404, `${path}: ${text.slice(0, 200)}`);
        assert.deepEqual(leaksIn(text, secrets), [], path);
      }
    }
  });

  const rawLogin = (body: string, type = 'application/json') =>
    login(new Request(`${ORIGIN}/api/login`, { method: 'POST', headers: { 'Content-Type': type }, body }));
  const credentials = (password: string) =>
    JSON.stringify({ organization_id: ORGANIZATION_IDS.acme, email_address: 'new@acme.test', password });

  it('login: a body that is not the JSON it needs is a 400 in JSON, and nothing is logged', async () => {
    const password = 'hunter2-typo-password';
    const { result, logs } = await logsOf(() =>
      Promise.all([
        rawLogin(credentials(password).slice(0, -1)),
        rawLogin(''),
        rawLogin('[1,2]'),
        rawLogin('null'),
        rawLogin(JSON.stringify({ organization_id: ORGANIZATION_IDS.acme, email_address: 'new@acme.test' })),
        rawLogin(JSON.stringify({ organization_id: 1, email_address: 'new@acme.test', password })),
      ]),
    );
    for (const response of result) {
      const text = await response.text();
      assert.equal(response.status, 400, text);
      assert.equal(typeof JSON.parse(text).error, 'string');
      assert.doesNotMatch(text, /hunter2/);
    }
    assert.equal(logs, '');
  });

  it('login: a wrong password is a 401, a refusal a 400; Stytch failing is a 500, logged without the body', async () => {
    const wrong = await rawLogin(credentials('hunter2-wrong-password'));
    assert.equal(wrong.status, 401);
    assert.deepEqual(await wrong.json(), { error: 'Wrong email or password.' });
    await call(ctx.base, 'POST', '/__emulator/faults', {
      path: '/b2b/passwords/authenticate',
      status: 404,
      error_type: 'organization_not_found',
    });
    const refused = await logsOf(() => rawLogin(credentials(SEED_PASSWORD)));
    assert.equal(refused.result.status, 400);
    assert.deepEqual(await refused.result.json(), { error: 'There is no such organization.' });
    assert.equal(refused.logs, '');
    for (const fault of [{ status: 503 }, { drop: true }]) {
      await call(ctx.base, 'POST', '/__emulator/faults', { path: '/b2b/passwords/authenticate', ...fault });
      const { result, logs } = await logsOf(() => rawLogin(credentials(SEED_PASSWORD)));
      const text = await result.text();
      assert.equal(result.status, 500, `${JSON.stringify(fault)}: ${text}`);
      assert.notEqual(JSON.parse(text).error, 'Wrong email or password.');
      assert.match(logs, /login/i, 'the failure is logged');
      assert.doesNotMatch(logs, new RegExp(`${SEED_PASSWORD}|new@acme\\.test|${PROJECT.secret}`));
    }
  });
});
