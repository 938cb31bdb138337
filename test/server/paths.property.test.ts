// Any path under the handler's mount: it answers an operation it knows, or a 404 — never a 5xx,
// never anything the host holds. Paths are built from any string, the names every object inherits,
// the operations' own names, dot segments in their encodings, and empty segments.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { useHost } from './support/host.js';
import { INHERITED, leaksIn } from './support/leaks.js';
import { raw } from './support/raw.js';

const host = useHost();

const KNOWN = new Set([
  'state',
  'sms/send',
  'sms/authenticate',
  'totp/create',
  'totp/authenticate',
  'recovery_codes/recover',
  'recovery_codes/get',
  'recovery_codes/rotate',
  'member/get',
  'member/update',
  'member/delete_phone',
  'member/delete_totp',
  'organization/get',
  'organization/update',
  'members/search',
  'members/update',
  'members/delete_phone',
  'members/delete_totp',
  'rbac/permissions',
]);

/** The operation a path names, as the README says: its last two segments, else its last one. */
function named(path: string): string | null {
  const parts = new URL(`http://app.test${path}`).pathname.split('/').filter(Boolean);
  for (const name of [parts.slice(-2).join('/'), parts.at(-1) ?? '']) if (KNOWN.has(name)) return name;
  return null;
}

const segment = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(...INHERITED, ...[...KNOWN].flatMap((name) => name.split('/'))),
  fc.constantFrom(
    '',
    '.',
    '..',
    '%2e',
    '%2e%2e',
    '%2E%2e',
    '.%2e',
    '%2f',
    '..%2f',
    '%5c',
    '\\',
    '%00',
    '%',
    '%zz',
  ),
);
/**
 * A path under /api/mfa/: any segments, ending half the time in an operation's own name, joined by
 * one or two slashes, maybe with a trailing one.
 */
const path = fc
  .tuple(
    fc.array(segment, { maxLength: 3 }),
    fc.oneof(
      fc.array(segment, { maxLength: 2 }),
      fc.constantFrom(...KNOWN).map((name) => name.split('/')),
    ),
    fc.boolean(),
    fc.boolean(),
  )
  .map(
    ([head, tail, double, trailing]) =>
      `/api/mfa/${[...head, ...tail].join(double ? '//' : '/')}${trailing ? '/' : ''}`,
  );

/** What an HTTP client may put on the request line: every other character percent-encoded. */
const onTheWire = (p: string) =>
  [...p].map((c) => (/^[\u0021-\u007e]$/.test(c) && c !== '#' ? c : encodeURIComponent(c))).join('');

describe('any path under the mount', () => {
  it('reaches the operations half the time', () => {
    const known = fc.sample(path, { numRuns: 1000, seed: 1 }).filter((p) => named(p) !== null);
    assert.ok(known.length > 400, `${known.length} of 1000`);
  });

  it('as a fetch handler: a known operation or a 404, never a 5xx or a secret', async () => {
    const cookie = await host.login('new@acme.test');
    const secrets = host.secrets();
    await fc.assert(
      fc.asyncProperty(path, async (p) => {
        let request: Request;
        try {
          request = new Request(`http://app.test${p}`, {
            method: 'POST',
            headers: { cookie, 'Content-Type': 'application/json' },
            body: '{}',
          });
        } catch {
          return fc.pre(false); // not a URL at all: no request reaches a handler
        }
        const response = await host.handler(request);
        const text = await response.text();
        assert.ok(response.status < 500, `${p}: ${response.status} ${text}`);
        assert.deepEqual(leaksIn(text, secrets), [], p);
        const unknown = response.status === 404 && JSON.parse(text).error_type === 'route_not_found';
        assert.equal(unknown, named(new URL(request.url).pathname) === null, `${p}: ${text}`);
      }),
      { numRuns: 300 },
    );
  });

  it('as Express middleware: a known operation or a 404, never a 5xx or a secret', async () => {
    const cookie = await host.login('new@acme.test');
    const secrets = host.secrets();
    await fc.assert(
      fc.asyncProperty(path, async (p) => {
        const wire = onTheWire(p);
        const reply = await raw(host.base, {
          method: 'POST',
          path: wire,
          headers: { cookie, 'Content-Type': 'application/json' },
          body: '{}',
        });
        assert.ok(reply.status < 500, `${wire}: ${reply.status} ${reply.text}`);
        assert.deepEqual(leaksIn(reply.text, secrets), [], wire);
        const known = named(wire) !== null;
        if (!known) assert.equal(reply.status, 404, `${wire}: ${reply.text}`);
        else assert.match(reply.type, /^application\/json/, `${wire}: ${reply.text}`);
      }),
      { numRuns: 150 },
    );
  });
});
