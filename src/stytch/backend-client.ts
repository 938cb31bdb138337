// Backend mode: the elements' calls go to the host's own server (`createMfaHandler` from
// `stytch-mfa-elements/server`), which holds the member's session; no Stytch token reaches the page.
import { dropEarlyState, postOperation, takeEarlyState } from './backend-post.js';
import type { AuthResponse } from './member.js';
import type { Member, MemberSession, MfaClient, Organization } from './types.js';

export interface BackendClientOptions {
  /** Where the host mounted `createMfaHandler` (`/api/mfa`, or an absolute URL on the same origin). */
  url: string;
}

/** An error answer of the handler, shaped as the SDK's `StytchAPIError` so failures read the same. */
class BackendError extends Error {
  override name = 'StytchAPIError';
  constructor(
    readonly status_code: number,
    readonly error_type: string,
    message: string,
    readonly error_details?: unknown,
  ) {
    super(message);
  }
}

type Body = Record<string, unknown>;

/** Keeps only the named fields that are set: the member and organization come from the server's session. */
function pick(source: object, names: readonly string[]): Body {
  const out: Body = {};
  for (const name of names) {
    const value = (source as Body)[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

const FACTOR = ['code', 'set_mfa_enrollment', 'set_default_mfa', 'session_duration_minutes'] as const;

/**
 * A client with the calls the elements make (see {@link MfaClient}), each a same-origin `POST` of JSON
 * to the host's handler. It remembers the member and organization of the last answer, as the SDK
 * does, for `self.getSync()` and `organization.getSync()`.
 */
export class BackendClient implements MfaClient {
  private member: Member | null = null;
  private org: Organization | null = null;
  private memberSession: MemberSession | null = null;
  private state: Promise<AuthResponse | null> | undefined;
  /** The session's permissions (`rbac/permissions`) by resource: the request in flight, the last answer. */
  private permissions: Promise<Map<string, Set<string>>> | undefined;
  private known: Map<string, Set<string>> | null = null;

  constructor(readonly url: string) {}

  /**
   * One operation of the handler. `remember: false` for answers about another member (the admin
   * calls): they must not replace the signed-in member that `self.getSync()` returns.
   */
  private async call<T>(operation: string, body: Body = {}, remember = true): Promise<T> {
    // Who is signing in may have been asked as the page started (see askStateEarly); any other
    // operation may change the session, so such an answer is no longer taken after one.
    if (operation !== 'state') dropEarlyState(this.url);
    const response = await ((operation === 'state' && takeEarlyState(this.url)) ||
      postOperation(this.url, operation, body));
    let answer: Body | null;
    try {
      answer = (await response.json()) as Body | null;
    } catch {
      throw new BackendError(response.status, 'internal_server_error', 'The server answered without JSON.');
    }
    if (!response.ok) {
      const type = typeof answer?.error_type === 'string' ? answer.error_type : 'internal_server_error';
      throw new BackendError(
        response.status,
        type,
        String(answer?.error_message ?? ''),
        answer?.error_details,
      );
    }
    if (!remember) return answer as T;
    if (answer?.member) this.member = answer.member as Member;
    if (answer?.organization) this.org = answer.organization as Organization;
    if (answer?.member_session) this.memberSession = answer.member_session as MemberSession;
    return answer as T;
  }

  /**
   * Who is signing in and what MFA needs, from the host's session: a primary `authenticate()` answer
   * without its tokens, or null when the host has no session. Asked afresh each time (callers at the
   * same moment share one request) — except the page's first ask, which may take the answer
   * `<mfa-provider>` asked for as it connected (at most 15 s before, and before any other operation).
   */
  getAuthResponse(): Promise<AuthResponse | null> {
    this.state ??= this.call<AuthResponse | null>('state')
      .catch((error: unknown) => {
        if ((error as BackendError).status_code === 401) return null;
        throw error;
      })
      .then((answer) => {
        if (!answer) this.member = this.org = this.memberSession = null;
        if (!answer) this.known = null;
        return answer;
      })
      .finally(() => (this.state = undefined));
    return this.state;
  }

  readonly otps: MfaClient['otps'] = {
    sms: {
      send: (options) => this.call('sms/send', pick(options, ['mfa_phone_number', 'locale'])),
      authenticate: (options) => this.call('sms/authenticate', pick(options, FACTOR)),
    },
  };

  readonly totp: MfaClient['totp'] = {
    create: (options) => this.call('totp/create', pick(options, ['expiration_minutes'])),
    authenticate: (options) => this.call('totp/authenticate', pick(options, FACTOR)),
  };

  readonly recoveryCodes: MfaClient['recoveryCodes'] = {
    recover: (options) =>
      this.call('recovery_codes/recover', pick(options, ['recovery_code', 'session_duration_minutes'])),
    get: () => this.call('recovery_codes/get'),
    rotate: () => this.call('recovery_codes/rotate'),
  };

  readonly self: MfaClient['self'] = {
    getSync: () => this.member,
    get: async () => (await this.call<{ member: Member }>('member/get')).member,
    update: (options) => this.call('member/update', pick(options, ['mfa_enrolled', 'default_mfa_method'])),
    deleteMFAPhoneNumber: () => this.call('member/delete_phone'),
    deleteMFATOTP: () => this.call('member/delete_totp'),
  };

  readonly organization: MfaClient['organization'] = {
    getSync: () => this.org,
    get: async () => (await this.call<{ organization: Organization }>('organization/get')).organization,
    update: (options) => this.adminOrganization.update(options),
    members: {
      search: (options) => this.members.search(options),
      update: (options) => this.members.update(options),
      deleteMFAPhoneNumber: (memberId) => this.members.deleteMFAPhoneNumber(memberId),
      deleteMFATOTP: (memberId) => this.members.deleteMFATOTP(memberId),
    },
  };

  readonly session: MfaClient['session'] = { getSync: () => this.memberSession };

  // The admin elements' calls. Stytch authorizes each with the member's session (RBAC): the
  // handler passes it on, it does not judge.
  private readonly adminOrganization = {
    update: (options: Parameters<MfaClient['organization']['update']>[0]) =>
      this.call<Awaited<ReturnType<MfaClient['organization']['update']>>>(
        'organization/update',
        pick(options, ['mfa_policy', 'mfa_methods', 'allowed_mfa_methods']),
      ),
  };

  readonly members: MfaClient['organization']['members'] = {
    search: (options) => this.call('members/search', pick(options, ['cursor', 'limit', 'query']), false),
    update: (options) =>
      this.call('members/update', pick(options, ['member_id', 'mfa_enrolled', 'default_mfa_method']), false),
    deleteMFAPhoneNumber: (memberId) => this.call('members/delete_phone', { member_id: memberId }, false),
    deleteMFATOTP: (memberId) => this.call('members/delete_totp', { member_id: memberId }, false),
  };

  /**
   * Asks the handler which actions the session's roles allow (`{ permissions: { resource: { action:
   * boolean } } }`): afresh for each element that asks (callers at the same moment share one request),
   * as the roles may have changed; `isAuthorizedSync` answers from the last answer.
   */
  private allowed(): Promise<Map<string, Set<string>>> {
    this.permissions ??= this.call<{ permissions?: unknown }>('rbac/permissions', {}, false)
      .then((answer) => {
        const map = new Map<string, Set<string>>();
        const byResource = answer?.permissions;
        if (byResource && typeof byResource === 'object') {
          for (const [resource, actions] of Object.entries(byResource)) {
            if (!actions || typeof actions !== 'object') continue;
            const granted = Object.entries(actions as Record<string, unknown>).filter(
              ([, ok]) => ok === true,
            );
            map.set(resource, new Set(granted.map(([action]) => action)));
          }
        }
        return (this.known = map);
      })
      .finally(() => (this.permissions = undefined));
    return this.permissions;
  }

  private static permits(map: Map<string, Set<string>> | null, resource: string, action: string): boolean {
    const actions = map?.get(resource);
    return Boolean(actions?.has(action));
  }

  readonly rbac: MfaClient['rbac'] = {
    isAuthorizedSync: (resource, action) => BackendClient.permits(this.known, resource, action),
    isAuthorized: async (resource, action) => BackendClient.permits(await this.allowed(), resource, action),
  };

  /** Redirect-based logins land on the host's server in backend mode: nothing to complete here. */
  authenticateByUrl: MfaClient['authenticateByUrl'] = () => Promise.resolve(null);
}

/**
 * A client that sends the elements' calls to the host's own server (`createMfaHandler`), for apps
 * that keep the member's session there. Give it to an element's `client` property, or use
 * `<mfa-provider backend-url>`.
 */
export function createBackendClient(options: BackendClientOptions): BackendClient {
  return new BackendClient(options.url);
}

const shared = new Map<string, BackendClient>();

/** The page's backend client for a URL, made once: providers that agree share it (and what it knows). */
export function backendClientFor(url: string): BackendClient {
  let client = shared.get(url);
  if (!client) shared.set(url, (client = createBackendClient({ url })));
  return client;
}
