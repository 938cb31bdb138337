// Garbage thrown at the emulator: every request failure is a Stytch-style 4xx and the process stays up.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { createEmulator, MEMBER_IDS, ORGANIZATION_IDS, SEED_PASSWORD } from '../../emulator/index.js';
import { basic, call, useEmulator } from './helpers.js';

const ctx = useEmulator();

/** Sends raw bytes; resolves with the status line the server answers (or '' if it closes). */
function raw(request: string): Promise<string> {
  return rawTo(Number(new URL(ctx.base).port), request);
}

function rawTo(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => resolve(text.split('\r\n')[0] ?? ''));
    socket.on('error', () => resolve(''));
  });
}

async function stillUp(): Promise<void> {
  const seed = await call(ctx.base, 'GET', '/__emulator/seed');
  assert.equal(seed.status, 200);
}

describe('hostile requests', () => {
  it('a request target that is not a URL is a 400, and the server stays up', async () => {
    const line = await raw('GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    assert.match(line, /^HTTP\/1\.1 400/);
    await stillUp();
  });

  it('bad %-encoding in a path parameter is a 400', async () => {
    const answer = await call(ctx.base, 'GET', '/sdk/v1/projects/bootstrap/%E0%A4%A');
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error_type, 'bad_request');
    await stillUp();
  });

  it('a body nested 5,000 deep is refused before it reaches a member', async () => {
    const login = await call(ctx.base, 'POST', '/sdk/v1/b2b/passwords/authenticate', {
      organization_id: ORGANIZATION_IDS.initech,
      email_address: 'user@initech.test',
      password: SEED_PASSWORD,
    });
    const token = login.body.data.session_token as string;
    const deep = `{"untrusted_metadata":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    const answer = await call(ctx.base, 'PUT', '/sdk/v1/b2b/organizations/members/update', undefined, {
      raw: deep,
      auth: basic(token),
    });
    assert.equal(answer.status, 400);
    const me = await call(ctx.base, 'GET', '/sdk/v1/b2b/organizations/members/me', undefined, {
      auth: basic(token),
    });
    assert.equal(me.status, 200);
    assert.equal(me.body.data.member.member_id, MEMBER_IDS.userInitech);
  });

  it('bodies must be JSON: a cross-site text/plain POST changes nothing', async () => {
    const before = (await call(ctx.base, 'GET', '/__emulator/clock')).body.offset_seconds;
    for (const path of ['/__emulator/clock', '/__emulator/faults', '/__emulator/reset']) {
      const answer = await call(ctx.base, 'POST', path, undefined, {
        raw: JSON.stringify({ advance_seconds: 3600, path: '/b2b/totp', status: 500 }),
        headers: { 'Content-Type': 'text/plain' },
        auth: null,
      });
      assert.equal(answer.status, 400, path);
    }
    assert.equal((await call(ctx.base, 'GET', '/__emulator/clock')).body.offset_seconds, before);
    assert.deepEqual((await call(ctx.base, 'GET', '/__emulator/faults')).body.faults, []);
  });

  it('answers loopback host names only (DNS rebinding)', async () => {
    const line = await raw(
      'GET /__emulator/sms HTTP/1.1\r\nHost: attacker.example:9010\r\nConnection: close\r\n\r\n',
    );
    assert.match(line, /^HTTP\/1\.1 403/);
    const local = await raw('GET /__emulator/sms HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    assert.match(local, /^HTTP\/1\.1 200/);
  });

  it('answers a host name it was told to allow', async () => {
    const emulator = createEmulator({ allowedHosts: ['emulator.internal'] });
    const server = await emulator.listen(0);
    const port = (server.address() as { port: number }).port;
    try {
      const named = await rawTo(
        port,
        'GET /__emulator/sms HTTP/1.1\r\nHost: emulator.internal\r\nConnection: close\r\n\r\n',
      );
      assert.match(named, /^HTTP\/1\.1 200/);
      const other = await rawTo(
        port,
        'GET /__emulator/sms HTTP/1.1\r\nHost: other.internal\r\nConnection: close\r\n\r\n',
      );
      assert.match(other, /^HTTP\/1\.1 403/);
    } finally {
      await emulator.close();
    }
  });
});
