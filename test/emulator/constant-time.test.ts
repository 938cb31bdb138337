// Secrets are compared in constant time by one helper, whose length does not show either; every secret
// check uses it, and a wrong secret is refused the same way whatever its length or how much was right.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sameSecret } from '../../emulator/constant-time.js';
import {
  MEMBER_IDS,
  ORGANIZATION_IDS,
  PROJECT,
  SEED_PASSWORD,
  SEED_RECOVERY_CODES,
  SEED_TOTP_SECRET,
  totp,
} from '../../emulator/index.js';
import { call, sdkLogin, useEmulator, type Answer } from './helpers.js';

const ctx = useEmulator({ authAttemptLimit: false });
const acme = ORGANIZATION_IDS.acme;
const emulatorDir = fileURLToPath(new URL('../../emulator/', import.meta.url));

/** An error answer without what differs per request. */
const refusal = (answer: Answer) => ({
  status: answer.status,
  error_type: answer.body.error_type,
  error_message: answer.body.error_message,
});

/** Each answer's refusal, which must all be the same. */
function assertSameRefusal(answers: Answer[], status: number, errorType: string): void {
  const [first, ...rest] = answers.map(refusal);
  assert.equal(first!.status, status);
  assert.equal(first!.error_type, errorType);
  for (const other of rest) assert.deepEqual(other, first);
}

describe('sameSecret', () => {
  it('is true for equal strings, the empty string included', () => {
    assert.equal(sameSecret('123456', '123456'), true);
    assert.equal(sameSecret('', ''), true);
    assert.equal(sameSecret('mfa-demo-password', 'mfa-demo-password'), true);
    assert.equal(sameSecret('pässwörd', 'pässwörd'), true);
  });

  it('is false for different strings of the same length, wherever they differ', () => {
    assert.equal(sameSecret('123456', '023456'), false);
    assert.equal(sameSecret('123456', '123450'), false);
    assert.equal(sameSecret('abc', 'ABC'), false);
    // The same text in another Unicode form is another secret.
    assert.equal(sameSecret('\u00e9', 'e\u0301'), false);
  });

  it('is false (and does not throw) for different lengths, a prefix or the empty string', () => {
    assert.equal(sameSecret('12345', '123456'), false);
    assert.equal(sameSecret('1234567', '123456'), false);
    assert.equal(sameSecret('', '123456'), false);
    assert.equal(sameSecret('123456', ''), false);
    assert.equal(sameSecret('x'.repeat(100_000), 'x'.repeat(99_999)), false);
  });
});

describe('secret checks go through sameSecret', () => {
  it('no other emulator module compares with timingSafeEqual, and each secret check imports the helper', () => {
    const files = (readdirSync(emulatorDir, { recursive: true }) as string[])
      .filter((name) => name.endsWith('.ts'))
      .map((name) => join(emulatorDir, name));
    const direct = files
      .filter((file) => readFileSync(file, 'utf8').includes('timingSafeEqual'))
      .map((file) => relative(emulatorDir, file));
    assert.deepEqual(direct, ['constant-time.ts']);
    // Where the project secret, passwords, SMS codes, TOTP codes and recovery codes are checked.
    for (const file of [
      'dispatch.ts',
      'services/login.ts',
      'services/sms.ts',
      'totp.ts',
      'services/recovery-codes.ts',
    ]) {
      assert.match(readFileSync(join(emulatorDir, file), 'utf8'), /\bsameSecret\(/, file);
    }
  });

  it('a wrong password is the same 401 at any length, and for an address with no member', async () => {
    const login = (email: string, password: string) =>
      call(ctx.base, 'POST', '/sdk/v1/b2b/passwords/authenticate', {
        organization_id: acme,
        email_address: email,
        password,
      });
    const wrong = SEED_PASSWORD.replace(/.$/, 'X');
    assertSameRefusal(
      [
        await login('new@acme.test', wrong),
        await login('new@acme.test', SEED_PASSWORD.slice(0, -1)),
        await login('new@acme.test', `${SEED_PASSWORD}x`),
        await login('new@acme.test', ''),
        await login('nobody@acme.test', SEED_PASSWORD),
      ],
      401,
      'unauthorized_credentials',
    );
    assert.equal((await login('new@acme.test', SEED_PASSWORD)).status, 200);
  });

  it('a wrong project secret is the same 401 at any length', async () => {
    const as = (credentials: string) =>
      call(ctx.base, 'GET', `/v1/b2b/organizations/${acme}`, undefined, {
        auth: `Basic ${Buffer.from(credentials).toString('base64')}`,
      });
    const { project_id, secret } = PROJECT;
    assertSameRefusal(
      [
        await as(`${project_id}:${secret.replace(/.$/, 'X')}`),
        await as(`${project_id}:${secret.slice(0, -1)}`),
        await as(`${project_id}:${secret}0`),
        await as(`${project_id}:`),
        await as(''),
      ],
      401,
      'unauthorized_credentials',
    );
    assert.equal((await as(`${project_id}:${secret}`)).status, 200);
  });

  it('a wrong TOTP code is the same 401 whether its first or last digit is wrong', async () => {
    const ist = (await sdkLogin(ctx.base, 'totp@acme.test')).body.data.intermediate_session_token;
    const right = totp(SEED_TOTP_SECRET, Date.now());
    const send = (code: string) =>
      call(ctx.base, 'POST', '/sdk/v1/b2b/totp/authenticate', {
        organization_id: acme,
        member_id: MEMBER_IDS.totpAcme,
        code,
        intermediate_session_token: ist,
      });
    const flip = (digit: string) => String((Number(digit) + 5) % 10);
    const wrongFirst = flip(right[0]!) + right.slice(1);
    const wrongLast = right.slice(0, -1) + flip(right.at(-1)!);
    assertSameRefusal([await send(wrongFirst), await send(wrongLast)], 401, 'unable_to_authenticate_totp');
    assert.equal((await send(right)).status, 200);
  });

  it('a wrong SMS code is the same 404 whether its first or last digit is wrong', async () => {
    const ist = (await sdkLogin(ctx.base, 'sms@acme.test')).body.data.intermediate_session_token;
    const right = (await call(ctx.base, 'GET', '/__emulator/sms')).body.at(-1).code as string;
    const send = (code: string) =>
      call(ctx.base, 'POST', '/sdk/v1/b2b/otps/sms/authenticate', {
        organization_id: acme,
        member_id: MEMBER_IDS.smsAcme,
        code,
        intermediate_session_token: ist,
      });
    const flip = (digit: string) => String((Number(digit) + 5) % 10);
    assertSameRefusal(
      [await send(flip(right[0]!) + right.slice(1)), await send(right.slice(0, -1) + flip(right.at(-1)!))],
      404,
      'otp_code_not_found',
    );
    assert.equal((await send(right)).status, 200);
  });

  it('a wrong recovery code is the same 401 whether it shares a prefix with a real one or not', async () => {
    const ist = (await sdkLogin(ctx.base, 'totp@acme.test')).body.data.intermediate_session_token;
    const send = (recovery_code: string) =>
      call(ctx.base, 'POST', '/sdk/v1/b2b/recovery_codes/recover', {
        organization_id: acme,
        member_id: MEMBER_IDS.totpAcme,
        recovery_code,
        intermediate_session_token: ist,
      });
    const real = SEED_RECOVERY_CODES[0]!;
    assertSameRefusal(
      [await send(`${real.slice(0, -1)}z`), await send('zzzz-zzzz-zzzz')],
      401,
      'unable_to_authenticate_recovery_code',
    );
    assert.equal((await send(real)).status, 200);
  });
});
