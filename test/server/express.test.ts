// The README's Express host, served by Express itself: its session cookie, and a cross-site request.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ORGANIZATION_IDS, PROJECT, SEED_PASSWORD } from '../../emulator/index.js';
import { call } from '../emulator/helpers.js';
import { useExampleHost } from './support/example-host.js';
import { INHERITED, leaksIn, PROJECT_SECRETS } from './support/leaks.js';
import { logsOf, raw } from './support/raw.js';

const host = useExampleHost();

describe('the Express host of the README', () => {
  const login = (body: string, type = 'application/json') =>
    raw(host.base, { method: 'POST', path: '/api/login', headers: { 'Content-Type': type }, body });
  const credentials = (password: string) =>
    JSON.stringify({ organization_id: ORGANIZATION_IDS.acme, email_address: 'new@acme.test', password });
  const secrets = PROJECT_SECRETS;

  async function signIn(): Promise<string> {
    const setCookie = await host.signIn('new@acme.test');
    assert.match(setCookie, /^app_session=[\w-]+; HttpOnly; SameSite=Lax; Path=\//);
    return setCookie.split(';')[0]!;
  }

  it('answers the elements with the session cookie, and refuses a cross-site page', async () => {
    const cookie = await signIn();
    const send = (headers: Record<string, string>) =>
      fetch(`${host.base}/api/mfa/sms/send`, {
        method: 'POST',
        headers: { cookie, 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ mfa_phone_number: '+14155550125' }),
      });
    const crossSite = await send({ Origin: 'https://evil.test', 'Sec-Fetch-Site': 'cross-site' });
    assert.equal(crossSite.status, 403);
    assert.equal(((await crossSite.json()) as any).error_type, 'cross_site_request');
    const form = await send({ 'Content-Type': 'application/x-www-form-urlencoded' });
    assert.equal(form.status, 415);
    assert.deepEqual((await call(host.emulator.base, 'GET', '/__emulator/sms?to=%2B14155550125')).body, []);

    const sameOrigin = await send({ Origin: host.base, 'Sec-Fetch-Site': 'same-origin' });
    assert.equal(sameOrigin.status, 200);
    assert.equal((await call(host.emulator.base, 'GET', '/__emulator/sms?to=%2B14155550125')).body.length, 1);
  });

  it('passes other paths on to the app', async () => {
    const response = await fetch(`${host.base}/api/mfa/not-an-operation`, { method: 'POST' });
    assert.equal(response.status, 404);
    assert.match(await response.text(), /Cannot POST/); // Express's own 404: the handler let it through
  });

  it('answers no inherited name: constructor, __proto__, toString… are a 404 that holds nothing', async () => {
    const cookie = await signIn();
    for (const name of INHERITED) {
      for (const path of [`/api/mfa/${name}`, `/api/mfa/x/${name}`]) {
        const response = await fetch(`${host.base}${path}`, {
          method: 'POST',
          headers: { cookie, 'Content-Type': 'application/json' },
          body: '{}',
        });
        const text = await response.text();
        assert.equal(response.status, 404, `${path}: ${text.slice(0, 200)}`);
        assert.deepEqual(leaksIn(text, secrets), [], path);
      }
    }
  });

  it('answers a TRACE or an unparsable Host with JSON, logging nothing', async () => {
    const cookie = await signIn();
    const { result, logs } = await logsOf(() =>
      Promise.all([
        raw(host.base, { method: 'TRACE', path: '/api/mfa/state', headers: { cookie } }),
        raw(host.base, {
          method: 'POST',
          path: '/api/mfa/state',
          headers: { cookie, host: 'bad host', 'Content-Type': 'application/json' },
          body: '{}',
        }),
        raw(host.base, {
          method: 'POST',
          path: '/api/mfa/state',
          headers: { cookie, host: '[::1', 'Content-Type': 'application/json' },
          body: '{}',
        }),
      ]),
    );
    assert.deepEqual(
      result.map((r) => r.status),
      [405, 400, 400],
    );
    for (const reply of result) {
      assert.match(reply.type, /^application\/json/);
      assert.deepEqual(leaksIn(reply.text, secrets), [], reply.text.slice(0, 300));
    }
    assert.equal(logs, '');
  });

  it('login: a body that is not the JSON it needs is a 400 in JSON, and nothing is logged', async () => {
    const password = 'hunter2-typo-password';
    const { result, logs } = await logsOf(() =>
      Promise.all([
        login(credentials(password).slice(0, -1)), // a JSON typo
        login(credentials(password), 'text/plain'),
        login(''),
        login('', 'text/plain'),
        login('[1,2]'),
        login('"text"'),
        login(JSON.stringify({ organization_id: ORGANIZATION_IDS.acme, email_address: 'new@acme.test' })),
        login(JSON.stringify({ organization_id: 1, email_address: 'new@acme.test', password })),
      ]),
    );
    for (const reply of result) {
      assert.equal(reply.status, 400, reply.text.slice(0, 300));
      assert.match(reply.type, /^application\/json/);
      assert.equal(typeof JSON.parse(reply.text).error, 'string');
      assert.doesNotMatch(reply.text, /hunter2|\bat /);
    }
    assert.equal(logs, '');
  });

  it('login: a wrong password is a 401, a refusal a 4xx that says why; nothing is logged', async () => {
    const password = 'hunter2-wrong-password';
    const wrong = await login(credentials(password));
    assert.equal(wrong.status, 401);
    assert.deepEqual(JSON.parse(wrong.text), { error: 'Wrong email or password.' });

    const refusals = [
      [{ status: 404, error_type: 'organization_not_found' }, 400, 'There is no such organization.'],
      [{ status: 400, error_type: 'invalid_email' }, 400, 'Enter a valid email address.'],
      [
        { status: 429, error_type: 'too_many_requests' },
        429,
        'Too many attempts. Wait a minute, then try again.',
      ],
      [
        { status: 400, error_type: 'a_refusal_stytch_adds_later' },
        400,
        'Signing in with these details was refused.',
      ],
    ] as const;
    for (const [fault, status, error] of refusals) {
      await call(host.emulator.base, 'POST', '/__emulator/faults', {
        path: '/b2b/passwords/authenticate',
        ...fault,
      });
      const { result, logs } = await logsOf(() => login(credentials(SEED_PASSWORD)));
      assert.equal(result.status, status, `${JSON.stringify(fault)}: ${result.text}`);
      assert.match(result.type, /^application\/json/);
      assert.deepEqual(JSON.parse(result.text), { error });
      assert.equal(logs, '', 'a refusal is no server failure');
    }
    // Unknown organization, as Stytch itself answers it.
    const nowhere = await login(
      JSON.stringify({ organization_id: 'no-such-org', email_address: 'new@acme.test', password }),
    );
    assert.equal(nowhere.status, 400);
    assert.deepEqual(JSON.parse(nowhere.text), { error: 'There is no such organization.' });
  });

  it('login: Stytch failing is a 500, logged by its error type without the body', async () => {
    const failures = [{ status: 503, error_type: 'internal_server_error' }, { drop: true }];
    for (const fault of failures) {
      await call(host.emulator.base, 'POST', '/__emulator/faults', {
        path: '/b2b/passwords/authenticate',
        ...fault,
      });
      const { result, logs } = await logsOf(() => login(credentials(SEED_PASSWORD)));
      assert.equal(result.status, 500, `${JSON.stringify(fault)}: ${result.text}`);
      assert.match(result.type, /^application\/json/);
      assert.deepEqual(JSON.parse(result.text), {
        error: 'Signing in is not possible right now. Try again later.',
      });
      assert.match(
        logs,
        /^error: Login failed: (internal_server_error \(503\)|Stytch unreachable \(no answer\))$/,
      );
      assert.doesNotMatch(logs, new RegExp(`${SEED_PASSWORD}|new@acme\\.test|${PROJECT.secret}`));
    }
  });
});
