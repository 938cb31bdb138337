// Writes to the emulator's own routes (reset, clock, faults) from another site's page are refused, each
// defence on its own: the JSON content type whatever the body, Sec-Fetch-Site, and the Origin.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { isOwnOrigin } from '../../emulator/dev-guard.js';
import { call, useEmulator } from './helpers.js';

const ctx = useEmulator();

interface Write {
  method: 'POST' | 'DELETE';
  path: string;
  body: string;
  /** Puts the state where the write would show (through an accepted write). */
  arrange: () => Promise<unknown>;
  /** Whether the write took effect. */
  happened: () => Promise<boolean>;
}

const clock = async () => (await call(ctx.base, 'GET', '/__emulator/clock')).body.offset_seconds as number;
const faults = async () => (await call(ctx.base, 'GET', '/__emulator/faults')).body.faults as unknown[];
const FAULT = { path: '/b2b/totp', status: 500 };

const WRITES: Write[] = [
  {
    method: 'POST',
    path: '/__emulator/reset',
    body: '',
    arrange: () => call(ctx.base, 'POST', '/__emulator/clock', { advance_seconds: 100 }),
    happened: async () => (await clock()) === 0,
  },
  {
    method: 'POST',
    path: '/__emulator/clock',
    body: JSON.stringify({ advance_seconds: 60 }),
    arrange: async () => undefined,
    happened: async () => (await clock()) === 60,
  },
  {
    method: 'POST',
    path: '/__emulator/faults',
    body: JSON.stringify(FAULT),
    arrange: async () => undefined,
    happened: async () => (await faults()).length === 1,
  },
  {
    method: 'DELETE',
    path: '/__emulator/faults',
    body: '',
    arrange: () => call(ctx.base, 'POST', '/__emulator/faults', FAULT),
    happened: async () => (await faults()).length === 0,
  },
];

/** What a page can send, one defence broken at a time; everything else as a same-origin page sends it. */
interface Attack {
  name: string;
  contentType: string | null;
  /** The body sent instead of the write's own (what a form or beacon carries). */
  body?: string;
  headers?: (own: string) => Record<string, string>;
  status: number;
  error_type: string;
}

const ATTACKS: Attack[] = [
  {
    name: 'no Content-Type, no body (a no-cors fetch)',
    contentType: null,
    body: '',
    status: 400,
    error_type: 'bad_request',
  },
  {
    name: 'text/plain, a blank body (sendBeacon)',
    contentType: 'text/plain;charset=UTF-8',
    body: ' \n\t',
    status: 400,
    error_type: 'bad_request',
  },
  {
    name: 'an empty form',
    contentType: 'application/x-www-form-urlencoded',
    body: '',
    status: 400,
    error_type: 'bad_request',
  },
  {
    name: 'an empty multipart form',
    contentType: 'multipart/form-data; boundary=x',
    body: '--x--\r\n',
    status: 400,
    error_type: 'bad_request',
  },
  { name: 'text/plain carrying JSON', contentType: 'text/plain', status: 400, error_type: 'bad_request' },
  {
    name: 'a JSON look-alike type',
    contentType: 'application/jsonp',
    status: 400,
    error_type: 'bad_request',
  },
  {
    name: 'Sec-Fetch-Site: cross-site (no Origin)',
    contentType: 'application/json',
    headers: () => ({ 'Sec-Fetch-Site': 'cross-site' }),
    status: 403,
    error_type: 'forbidden',
  },
  {
    name: 'an Origin on another site',
    contentType: 'application/json',
    headers: () => ({ Origin: 'https://attacker.example' }),
    status: 403,
    error_type: 'forbidden',
  },
  {
    name: 'an Origin on another local port',
    contentType: 'application/json',
    headers: (own) => ({ Origin: `http://127.0.0.1:${Number(new URL(own).port) + 1}` }),
    status: 403,
    error_type: 'forbidden',
  },
  {
    name: 'an opaque Origin (sandboxed frame, file:)',
    contentType: 'application/json',
    headers: () => ({ Origin: 'null' }),
    status: 403,
    error_type: 'forbidden',
  },
];

async function send(write: Write, contentType: string | null, body: string, headers: Record<string, string>) {
  const response = await fetch(`${ctx.base}${write.path}`, {
    method: write.method,
    headers: { ...(contentType ? { 'Content-Type': contentType } : {}), ...headers },
    ...(body === '' && write.method === 'DELETE' ? {} : { body }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('dev-route writes', () => {
  for (const attack of ATTACKS) {
    it(`refuses ${attack.name}: ${attack.status}, and nothing changes`, async () => {
      for (const write of WRITES) {
        ctx.emulator.reset();
        await write.arrange();
        const headers = attack.headers?.(ctx.base) ?? {};
        const answer = await send(write, attack.contentType, attack.body ?? (write.body || '{}'), headers);
        const label = `${write.method} ${write.path}`;
        assert.equal(answer.status, attack.status, `${label}: ${JSON.stringify(answer.body)}`);
        assert.equal(answer.body.error_type, attack.error_type, label);
        assert.equal(await write.happened(), false, `${label} took effect`);
      }
    });
  }

  for (const [name, headers] of [
    ['from a tool (no Origin, no Sec-Fetch-Site)', () => ({})],
    ['from a page of its own origin', (own: string) => ({ Origin: own, 'Sec-Fetch-Site': 'same-origin' })],
  ] as const) {
    it(`takes JSON ${name}`, async () => {
      for (const write of WRITES) {
        ctx.emulator.reset();
        await write.arrange();
        const answer = await send(write, 'application/json; charset=utf-8', write.body, headers(ctx.base));
        assert.equal(answer.status, 200, `${write.method} ${write.path}: ${JSON.stringify(answer.body)}`);
        assert.equal(await write.happened(), true, `${write.method} ${write.path}`);
      }
    });
  }

  it("takes a write from the page's origin when mounted in its dev server, and no other", async () => {
    // A dev server mounts the emulator at the page's origin: the Host is the page's, not the emulator's.
    const reset = (origin: string) =>
      status(
        'POST /__emulator/reset HTTP/1.1\r\nHost: localhost:5173\r\n' +
          `Origin: ${origin}\r\nContent-Type: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      );
    assert.match(await reset('http://localhost:5173'), /^HTTP\/1\.1 200/);
    assert.match(await reset('http://localhost:5174'), /^HTTP\/1\.1 403/);
    assert.match(await reset('http://127.0.0.1:5173'), /^HTTP\/1\.1 403/);
  });

  it('reads still need no JSON type: GET answers as before', async () => {
    const answer = await fetch(`${ctx.base}/__emulator/clock`);
    assert.equal(answer.status, 200);
  });
});

describe('isOwnOrigin', () => {
  it('matches scheme, host and port as browsers write an Origin', () => {
    assert.equal(isOwnOrigin('http://localhost:5173', 'localhost:5173'), true);
    assert.equal(isOwnOrigin('http://LOCALHOST:5173', 'localhost:5173'), true);
    assert.equal(isOwnOrigin('http://localhost', 'localhost:80'), true);
    assert.equal(isOwnOrigin('https://localhost', 'localhost:443'), true);
    assert.equal(isOwnOrigin('https://localhost', 'localhost:80'), false);
    assert.equal(isOwnOrigin('http://localhost:5174', 'localhost:5173'), false);
    assert.equal(isOwnOrigin('http://evil.localhost:5173', 'localhost:5173'), false);
    assert.equal(isOwnOrigin('null', 'localhost:5173'), false);
    assert.equal(isOwnOrigin('file://', 'localhost'), false);
    assert.equal(isOwnOrigin('http://localhost:5173', undefined), false);
    assert.equal(isOwnOrigin('http://localhost:5173', 'localhost:5173/evil'), false);
    assert.equal(isOwnOrigin('http://localhost:5173', 'evil@localhost:5173'), false);
  });
});

/** Sends raw bytes to the emulator; resolves with the status line. */
function status(request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(ctx.base).port), '127.0.0.1', () => socket.end(request));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => resolve(text.split('\r\n')[0] ?? ''));
    socket.on('error', () => resolve(''));
  });
}
