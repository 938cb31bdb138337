// `npm run bench:emulator`: the emulator under a bounded load on loopback — 100 requests in flight
// at once, mixed (session checks, SMS sends and codes, TOTP codes, bootstrap), over a state grown by
// thousands of sessions, in memory and with --data. Prints requests per second and latencies
// (medians and p99 of the run; machines are noisy), and checks that no code is accepted twice and
// no number gets more SMS than the rate limit allows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createEmulator,
  MEMBER_IDS,
  ORGANIZATION_IDS,
  SEED_PASSWORD,
  SEED_TOTP_SECRET,
  totp,
} from '../dist/emulator/index.js';

const GROW = Number(process.env.BENCH_SESSIONS ?? 5000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const IN_FLIGHT = 100;
const TOKEN = 'public-token-test-bench';
const auth = (secret = TOKEN) => `Basic ${Buffer.from(`${TOKEN}:${secret}`).toString('base64')}`;

async function call(base, method, path, body, secret) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: auth(secret) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Runs `count` tasks with `width` in flight; resolves with each one's milliseconds. */
async function pool(count, width, task) {
  const times = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        const started = performance.now();
        await task(i);
        times.push(performance.now() - started);
      }
    }),
  );
  return times;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function run(label, options) {
  const emulator = createEmulator({ ...options, smsRateLimit: { max: 5, windowSeconds: 600 } });
  const server = await emulator.listen(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const initech = {
    organization_id: ORGANIZATION_IDS.initech,
    email_address: 'user@initech.test',
    password: SEED_PASSWORD,
  };

  // Grow the state: many live sessions, as a long-running demo or test suite leaves them.
  const tokens = [];
  await pool(GROW, IN_FLIGHT, async () => {
    tokens.push(
      (await call(base, 'POST', '/sdk/v1/b2b/passwords/authenticate', initech)).body.data.session_token,
    );
  });

  const ists = [];
  for (let i = 0; i < 20; i++) {
    const login = await call(base, 'POST', '/sdk/v1/b2b/passwords/authenticate', {
      organization_id: ORGANIZATION_IDS.acme,
      email_address: 'totp@acme.test',
      password: SEED_PASSWORD,
    });
    ists.push(login.body.data.intermediate_session_token);
  }
  const smsIst = (
    await call(base, 'POST', '/sdk/v1/b2b/passwords/authenticate', {
      organization_id: ORGANIZATION_IDS.acme,
      email_address: 'new@acme.test',
      password: SEED_PASSWORD,
    })
  ).body.data.intermediate_session_token;

  const code = totp(SEED_TOTP_SECRET, Date.now());
  let totpAccepted = 0;
  const started = performance.now();
  const times = await pool(REQUESTS, IN_FLIGHT, async (i) => {
    switch (i % 5) {
      case 0:
        await call(base, 'POST', '/sdk/v1/b2b/sessions/authenticate', {}, tokens[i % tokens.length]);
        break;
      case 1:
        await call(base, 'POST', '/sdk/v1/b2b/otps/sms/send', {
          organization_id: ORGANIZATION_IDS.acme,
          member_id: MEMBER_IDS.newAcme,
          mfa_phone_number: `+1415555${String(1000 + (i % 40)).padStart(4, '0')}`,
          intermediate_session_token: smsIst,
        });
        break;
      case 2:
        await call(base, 'POST', '/sdk/v1/b2b/otps/sms/authenticate', {
          organization_id: ORGANIZATION_IDS.acme,
          member_id: MEMBER_IDS.newAcme,
          code: '000000',
          intermediate_session_token: smsIst,
        });
        break;
      case 3: {
        const answer = await call(base, 'POST', '/sdk/v1/b2b/totp/authenticate', {
          organization_id: ORGANIZATION_IDS.acme,
          member_id: MEMBER_IDS.totpAcme,
          code,
          intermediate_session_token: ists[i % ists.length],
        });
        if (answer.status === 200) totpAccepted++;
        break;
      }
      default:
        await call(base, 'GET', `/sdk/v1/projects/bootstrap/${TOKEN}`);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const outbox = (await call(base, 'GET', '/__emulator/sms')).body;
  const perNumber = new Map();
  for (const message of outbox) perNumber.set(message.to, (perNumber.get(message.to) ?? 0) + 1);
  await emulator.close();

  times.sort((a, b) => a - b);
  const mostSms = Math.max(...perNumber.values());
  const row = {
    label,
    rps: Math.round(REQUESTS / seconds),
    p50: quantile(times, 0.5).toFixed(1),
    p99: quantile(times, 0.99).toFixed(1),
    totpAccepted,
    mostSms,
  };
  console.log(
    `${label.padEnd(28)} ${String(row.rps).padStart(6)} req/s   p50 ${row.p50.padStart(6)} ms   p99 ${row.p99.padStart(6)} ms   ` +
      `one TOTP code accepted ${totpAccepted}×   most SMS to one number ${mostSms} (limit 5)`,
  );
  if (totpAccepted > 1) throw new Error('a TOTP code was accepted twice');
  if (mostSms > 5) throw new Error('a number got more SMS than the rate limit');
  return row;
}

console.log(`${REQUESTS} mixed requests, ${IN_FLIGHT} in flight, over ${GROW} live sessions (loopback):\n`);
await run('in memory', {});
const dir = mkdtempSync(join(tmpdir(), 'stytch-emulator-bench-'));
try {
  await run('with --data (file state)', { dataFile: join(dir, 'state.json') });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
