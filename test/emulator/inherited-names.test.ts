// Names every object inherits (`constructor`, `__proto__`, `toString`…), sent wherever a request names a
// record — path, body, query, Basic credentials — on every route that looks one up: each is the same
// Stytch 4xx as any unknown ID, never a 5xx or a 200, and Object.prototype is left as it was.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEMBER_IDS, ORGANIZATION_IDS, PROJECT } from '../../emulator/index.js';
import { signJwt } from '../../emulator/jwt.js';
import { PREFIXES, type Route } from '../../emulator/router.js';
import { backendRoutes } from '../../emulator/routes/backend/index.js';
import { devRoutes } from '../../emulator/routes/dev.js';
import { sdkRoutes } from '../../emulator/routes/sdk/index.js';
import { basic, call, sdkLogin, useEmulator } from './helpers.js';

const ctx = useEmulator();

/** An ordinary unknown ID first (the control), then the names every object inherits. */
const NAMES = ['an-unknown-id', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

const acme = ORGANIZATION_IDS.acme;
const member = MEMBER_IDS.newAcme;
const PROJECT_AUTH = `Basic ${Buffer.from(`${PROJECT.project_id}:${PROJECT.secret}`).toString('base64')}`;

interface Case {
  /** Method and full path pattern, as the emulator's route lists say it. */
  route: string;
  /** Where the name goes. */
  where: string;
  request: (name: string) => { path: string; body?: unknown; auth?: string };
  status: number;
  error_type: string;
}

const NOT_FOUND = {
  organization: [404, 'organization_not_found'],
  member: [404, 'member_not_found'],
  ist: [404, 'intermediate_session_not_found'],
  session: [404, 'session_not_found'],
  link: [404, 'magic_link_not_found'],
  project: [404, 'project_not_found'],
  credentials: [401, 'unauthorized_credentials'],
} as const;

function make(
  route: string,
  where: string,
  expected: readonly [number, string],
  request: Case['request'],
): Case {
  return { route, where, request, status: expected[0], error_type: expected[1] };
}

const sdk = (path: string) => `${PREFIXES.sdk}${path}`;
const backend = (path: string) => `${PREFIXES.backend}${path}`;

/** What each factor route takes besides the member and the proof. */
const FACTOR_ROUTES: [string, Record<string, unknown>][] = [
  ['/b2b/otps/sms/send', {}],
  ['/b2b/otps/sms/authenticate', { code: '123456' }],
  ['/b2b/totp', {}],
  ['/b2b/totp/authenticate', { code: '123456' }],
  ['/b2b/recovery_codes/recover', { recovery_code: 'abcd-efgh-ijkl' }],
];

const CASES: Case[] = [];

for (const [path, extra] of FACTOR_ROUTES) {
  const route = `POST ${sdk(path)}`;
  const body = (fields: Record<string, unknown>) => ({
    organization_id: acme,
    member_id: member,
    ...extra,
    ...fields,
  });
  CASES.push(
    make(route, 'body organization_id', NOT_FOUND.organization, (name) => ({
      path: sdk(path),
      body: body({ organization_id: name }),
    })),
    make(route, 'body member_id', NOT_FOUND.member, (name) => ({
      path: sdk(path),
      body: body({ member_id: name }),
    })),
    make(route, 'body intermediate_session_token', NOT_FOUND.ist, (name) => ({
      path: sdk(path),
      body: body({ intermediate_session_token: name }),
    })),
    make(route, 'Basic session token', NOT_FOUND.session, (name) => ({
      path: sdk(path),
      body: body({}),
      auth: basic(name),
    })),
  );
  const backendRoute = `POST ${backend(path)}`;
  const backendBody = (field: string) => (name: string) => ({
    path: backend(path),
    body: body({ [field]: name }),
  });
  CASES.push(
    make(backendRoute, 'body organization_id', NOT_FOUND.organization, backendBody('organization_id')),
    make(backendRoute, 'body member_id', NOT_FOUND.member, backendBody('member_id')),
    make(
      backendRoute,
      'body intermediate_session_token',
      NOT_FOUND.ist,
      backendBody('intermediate_session_token'),
    ),
    make(backendRoute, 'body session_token', NOT_FOUND.session, backendBody('session_token')),
    make(backendRoute, 'body session_jwt', NOT_FOUND.session, backendBody('session_jwt')),
  );
}

// SDK routes that act on the caller's session (the password part of its Basic credentials).
for (const [method, path] of [
  ['GET', '/b2b/recovery_codes'],
  ['POST', '/b2b/recovery_codes/rotate'],
  ['POST', '/b2b/sessions/authenticate'],
  ['POST', '/b2b/sessions/revoke'],
  ['GET', '/b2b/organizations/me'],
  ['GET', '/b2b/organizations/members/me'],
  ['PUT', '/b2b/organizations/members/update'],
  ['DELETE', '/b2b/organizations/members/deletePhoneNumber'],
  ['DELETE', '/b2b/organizations/members/deleteTOTP'],
] as const) {
  CASES.push(
    make(`${method} ${sdk(path)}`, 'Basic session token', NOT_FOUND.session, (name) => ({
      path: sdk(path),
      ...(method === 'GET' ? {} : { body: {} }),
      auth: basic(name),
    })),
  );
}

const LOGIN = { email_address: 'new@acme.test', password: 'mfa-demo-password' };
const REDIRECT = { email_address: 'new@acme.test', login_redirect_url: 'http://localhost:3000/authenticate' };
for (const api of [sdk, backend]) {
  CASES.push(
    make(
      `POST ${api('/b2b/passwords/authenticate')}`,
      'body organization_id',
      NOT_FOUND.organization,
      (name) => ({
        path: api('/b2b/passwords/authenticate'),
        body: { ...LOGIN, organization_id: name },
      }),
    ),
    make(
      `POST ${api('/b2b/magic_links/email/login_or_signup')}`,
      'body organization_id',
      NOT_FOUND.organization,
      (name) => ({
        path: api('/b2b/magic_links/email/login_or_signup'),
        body: { ...REDIRECT, organization_id: name },
      }),
    ),
    make(
      `POST ${api('/b2b/magic_links/authenticate')}`,
      'body magic_links_token',
      NOT_FOUND.link,
      (name) => ({
        path: api('/b2b/magic_links/authenticate'),
        body: { magic_links_token: name },
      }),
    ),
  );
}

CASES.push(
  make(
    `POST ${sdk('/b2b/discovery/intermediate_sessions/exchange')}`,
    'body organization_id',
    NOT_FOUND.organization,
    (name) => ({
      path: sdk('/b2b/discovery/intermediate_sessions/exchange'),
      body: { organization_id: name, intermediate_session_token: 'an-unknown-token' },
    }),
  ),
  make(
    `POST ${sdk('/b2b/discovery/intermediate_sessions/exchange')}`,
    'body intermediate_session_token',
    NOT_FOUND.ist,
    (name) => ({
      path: sdk('/b2b/discovery/intermediate_sessions/exchange'),
      body: { organization_id: acme, intermediate_session_token: name },
    }),
  ),
);

// Backend routes that take a session, a member or an organization by name.
for (const field of ['session_token', 'session_jwt']) {
  for (const path of ['/b2b/passwords/authenticate', '/b2b/magic_links/authenticate']) {
    CASES.push(
      make(`POST ${backend(path)}`, `body ${field}`, NOT_FOUND.session, (name) => ({
        path: backend(path),
        body: { ...LOGIN, organization_id: acme, magic_links_token: 'an-unknown-token', [field]: name },
      })),
    );
  }
  CASES.push(
    make(`POST ${backend('/b2b/sessions/authenticate')}`, `body ${field}`, NOT_FOUND.session, (name) => ({
      path: backend('/b2b/sessions/authenticate'),
      body: { [field]: name },
    })),
  );
}
for (const [field, expected] of [
  ['member_session_id', NOT_FOUND.session],
  ['session_token', NOT_FOUND.session],
  ['session_jwt', NOT_FOUND.session],
  ['member_id', NOT_FOUND.member],
] as const) {
  CASES.push(
    make(`POST ${backend('/b2b/sessions/revoke')}`, `body ${field}`, expected, (name) => ({
      path: backend('/b2b/sessions/revoke'),
      body: { [field]: name },
    })),
  );
}
CASES.push(
  make(`GET ${backend('/b2b/sessions/jwks/:project_id')}`, 'path project_id', NOT_FOUND.project, (name) => ({
    path: backend(`/b2b/sessions/jwks/${name}`),
  })),
  make(
    `GET ${backend('/b2b/organizations/:organization_id')}`,
    'path organization_id',
    NOT_FOUND.organization,
    (name) => ({
      path: backend(`/b2b/organizations/${name}`),
    }),
  ),
  make(
    `GET ${backend('/b2b/organizations/:organization_id/member')}`,
    'path organization_id',
    NOT_FOUND.organization,
    (name) => ({ path: backend(`/b2b/organizations/${name}/member?member_id=${member}`) }),
  ),
  make(
    `GET ${backend('/b2b/organizations/:organization_id/member')}`,
    'query member_id',
    NOT_FOUND.member,
    (name) => ({
      path: backend(`/b2b/organizations/${acme}/member?member_id=${name}`),
    }),
  ),
  make(
    `GET ${backend('/b2b/organizations/:organization_id/member')}`,
    'query email_address',
    NOT_FOUND.member,
    (name) => ({ path: backend(`/b2b/organizations/${acme}/member?email_address=${name}`) }),
  ),
  make(
    `POST ${backend('/b2b/recovery_codes/rotate')}`,
    'body organization_id',
    NOT_FOUND.organization,
    (name) => ({
      path: backend('/b2b/recovery_codes/rotate'),
      body: { organization_id: name, member_id: member },
    }),
  ),
  make(`POST ${backend('/b2b/recovery_codes/rotate')}`, 'body member_id', NOT_FOUND.member, (name) => ({
    path: backend('/b2b/recovery_codes/rotate'),
    body: { organization_id: acme, member_id: name },
  })),
);
for (const [method, pattern, body] of [
  ['GET', '/b2b/recovery_codes/:organization_id/:member_id', undefined],
  ['PUT', '/b2b/organizations/:organization_id/members/:member_id', { name: 'Nadia' }],
  ['DELETE', '/b2b/organizations/:organization_id/members/mfa_phone_numbers/:member_id', undefined],
  ['DELETE', '/b2b/organizations/:organization_id/members/:member_id/totp', undefined],
] as const) {
  const path = (org: string, id: string) =>
    backend(pattern.replace(':organization_id', org).replace(':member_id', id));
  CASES.push(
    make(`${method} ${backend(pattern)}`, 'path organization_id', NOT_FOUND.organization, (name) => ({
      path: path(name, member),
      ...(body ? { body } : {}),
    })),
    make(`${method} ${backend(pattern)}`, 'path member_id', NOT_FOUND.member, (name) => ({
      path: path(acme, name),
      ...(body ? { body } : {}),
    })),
  );
}

/** Every route of a set with credentials; its path params filled with a real-looking value. */
function credentialed(routes: Route[], prefix: string) {
  return routes
    .filter((route) => !route.anonymous)
    .map((route) => ({
      route: `${route.method} ${prefix}${route.path}`,
      path: `${prefix}${route.path.replace(/:[a-z_A-Z]+/g, 'x')}`,
      method: route.method,
    }));
}
for (const { route, path, method } of credentialed(sdkRoutes, PREFIXES.sdk)) {
  CASES.push(
    make(route, 'Basic public token', NOT_FOUND.credentials, (name) => ({
      path,
      ...(method === 'GET' ? {} : { body: {} }),
      auth: basic(name, name),
    })),
  );
}
for (const { route, path, method } of credentialed(backendRoutes, PREFIXES.backend)) {
  for (const where of ['project_id', 'secret'] as const) {
    CASES.push(
      make(route, `Basic ${where}`, NOT_FOUND.credentials, (name) => ({
        path,
        ...(method === 'GET' ? {} : { body: {} }),
        auth: `Basic ${Buffer.from(
          where === 'project_id' ? `${name}:${PROJECT.secret}` : `${PROJECT.project_id}:${name}`,
        ).toString('base64')}`,
      })),
    );
  }
}

/** Routes that take no ID or token from a request, or only one they never look up. */
const TAKES_NO_NAME = new Map<string, string>([
  [`GET ${sdk('/projects/bootstrap/:publicToken')}`, 'the path token is not looked up (its credentials are)'],
  [`POST ${sdk('/events')}`, 'telemetry, dropped'],
  [`POST ${sdk('/b2b/organizations/search')}`, 'a slug is searched for, not looked up: see its own test'],
  [`GET ${PREFIXES.dev}/seed`, 'no input'],
  [`GET ${PREFIXES.dev}/sms`, 'a filter: see its own test'],
  [`GET ${PREFIXES.dev}/email`, 'a filter: see its own test'],
  [`POST ${PREFIXES.dev}/reset`, 'no input'],
  [`GET ${PREFIXES.dev}/clock`, 'no input'],
  [`POST ${PREFIXES.dev}/clock`, 'a number'],
  [`GET ${PREFIXES.dev}/faults`, 'no input'],
  [`POST ${PREFIXES.dev}/faults`, 'a path is stored and compared, not looked up'],
  [`DELETE ${PREFIXES.dev}/faults`, 'no input'],
]);

/** Object.prototype's own properties, to compare after each request. */
const PRISTINE = new Set(Reflect.ownKeys(Object.prototype));

/**
 * What a request added to Object.prototype (or to every object through it), as a note; the additions
 * are removed, so one polluting request does not spoil the cases after it.
 */
function pollution(): string {
  const added = Reflect.ownKeys(Object.prototype).filter((key) => !PRISTINE.has(key));
  for (const key of added) delete (Object.prototype as Record<PropertyKey, unknown>)[key];
  return added.length ? ` (Object.prototype gained ${added.map(String).join(', ')})` : '';
}

describe('names every object inherits, on every route that looks a name up', () => {
  it('covers every route: each is in the table or said to take no name', () => {
    const covered = new Set(CASES.map((c) => c.route));
    const all = [
      ...sdkRoutes.map((r) => `${r.method} ${PREFIXES.sdk}${r.path}`),
      ...backendRoutes.map((r) => `${r.method} ${PREFIXES.backend}${r.path}`),
      ...devRoutes.map((r) => `${r.method} ${PREFIXES.dev}${r.path}`),
    ];
    const missing = all.filter((route) => !covered.has(route) && !TAKES_NO_NAME.has(route));
    assert.deepEqual(missing, []);
    const stale = [...covered, ...TAKES_NO_NAME.keys()].filter((route) => !all.includes(route));
    assert.deepEqual(stale, [], 'the table names routes the emulator does not have');
  });

  for (const c of CASES) {
    it(`${c.route}, ${c.where}: ${c.status} ${c.error_type}`, async () => {
      const method = c.route.split(' ')[0]!;
      const seen: string[] = [];
      for (const name of NAMES) {
        const { path, body, auth } = c.request(name);
        const fallback = path.startsWith(PREFIXES.sdk) ? basic() : PROJECT_AUTH;
        const answer = await call(ctx.base, method, path, body, { auth: auth ?? fallback });
        const { status_code, error_type, request_id } = answer.body ?? {};
        const shape =
          status_code === answer.status && /^request-id-test-/.test(request_id)
            ? ''
            : " (not Stytch's shape)";
        seen.push(`${name}: ${answer.status} ${error_type}${shape}${pollution()}`);
      }
      assert.deepEqual(
        seen,
        NAMES.map((name) => `${name}: ${c.status} ${c.error_type}`),
      );
    });
  }

  it('a signed session JWT naming an inherited session ID is session_not_found', async () => {
    // A full session makes the emulator's signing key; the JWT is then signed with it.
    await sdkLogin(ctx.base, 'user@initech.test', ORGANIZATION_IDS.initech);
    const key = ctx.emulator.state.signing_key!;
    for (const name of NAMES) {
      const jwt = signJwt(key, { sub: member, 'https://stytch.com/session': { id: name } });
      const answer = await call(
        ctx.base,
        'POST',
        backend('/b2b/sessions/authenticate'),
        { session_jwt: jwt },
        { auth: PROJECT_AUTH },
      );
      assert.equal(answer.status, 404, name);
      assert.equal(answer.body.error_type, 'session_not_found', name);
      assert.equal(pollution(), '', name);
    }
  });

  it('organizations/search finds no organization for an inherited slug', async () => {
    for (const name of NAMES) {
      const answer = await call(ctx.base, 'POST', sdk('/b2b/organizations/search'), {
        organization_slug: name,
      });
      // Stytch's getBySlug answers an unknown slug with `organization: null`, not an error.
      assert.equal(answer.status, 200, name);
      assert.equal(answer.body.data.organization, null, name);
      assert.equal(pollution(), '', name);
    }
  });

  it('the outbox filters give an empty list for an inherited name', async () => {
    for (const name of NAMES) {
      for (const outbox of ['sms', 'email']) {
        const answer = await call(ctx.base, 'GET', `${PREFIXES.dev}/${outbox}?to=${name}`);
        assert.equal(answer.status, 200, name);
        assert.deepEqual(answer.body, [], name);
      }
    }
    assert.equal(pollution(), '');
  });

  it("a `__proto__` key in a member's metadata is data, not a prototype", async () => {
    const login = await sdkLogin(ctx.base, 'user@initech.test', ORGANIZATION_IDS.initech);
    const answer = await call(ctx.base, 'PUT', sdk('/b2b/organizations/members/update'), undefined, {
      auth: basic(login.body.data.session_token),
      raw: '{"untrusted_metadata": {"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}}',
    });
    assert.equal(answer.status, 200);
    const metadata = answer.body.data.member.untrusted_metadata;
    assert.deepEqual(Object.keys(metadata).sort(), ['__proto__', 'constructor']);
    assert.equal(pollution(), '');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('a field the body lacks stays missing when Object.prototype has one of that name', async () => {
    // As if something else in the host's process (its dev server) had polluted the prototype.
    Object.defineProperty(Object.prototype, 'organization_id', { value: acme, configurable: true });
    let answer;
    try {
      answer = await call(
        ctx.base,
        'POST',
        backend('/b2b/otps/sms/send'),
        { member_id: member, mfa_phone_number: '+14155550142' },
        { auth: PROJECT_AUTH },
      );
    } finally {
      delete (Object.prototype as Record<string, unknown>).organization_id;
    }
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error_type, 'bad_request');
    assert.match(answer.body.error_message, /organization_id/);
    assert.deepEqual((await call(ctx.base, 'GET', `${PREFIXES.dev}/sms`)).body, []);
  });
});
