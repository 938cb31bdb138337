// The admin elements' calls (`<mfa-org-policy>`, `<mfa-members>`): each made with the host's member
// session as Stytch's `method_options.authorization`, so Stytch decides by the session's roles — the
// handler never judges who may do what. Every call needs a signed-in member (an intermediate session
// is 401 `session_not_found`); Stytch's refusals keep their status and `error_type` (403
// `unauthorized_action` for a member without the role). The organization is always the host
// session's own; the body names only what changes and which member.
//
// Requests (JSON bodies) and answers, by operation (`POST {backend-url}/{operation}`):
//
//   organization/update   { mfa_policy?: 'OPTIONAL' | 'REQUIRED_FOR_ALL',
//                           mfa_methods?: 'ALL_ALLOWED' | 'RESTRICTED',
//                           allowed_mfa_methods?: ('sms_otp' | 'totp')[] }
//                      →  { organization }                       (organization as in `organization/get`)
//   members/search        { query?: { operator: 'AND' | 'OR', operands: { filter_name, filter_value }[] },
//                           cursor?: string, limit?: number }     (Stytch's member search operands)
//                      →  { members: Member[], results_metadata: { total: number, next_cursor: string | null } }
//   members/update        { member_id, mfa_enrolled?: boolean, default_mfa_method?: 'sms_otp' | 'totp' }
//                      →  { member_id, member, organization }
//   members/delete_phone  { member_id }  →  { member_id, member, organization }
//   members/delete_totp   { member_id }  →  { member_id, member, organization }
//   rbac/permissions      {}  →  { permissions: { 'stytch.organization': { [action]: boolean },
//                                                 'stytch.member': { [action]: boolean } } }
//
// A Member here is what `member/get` answers (phone masked: `+1•••••••101`) plus `roles`, the role
// IDs. `rbac/permissions` answers each action of ADMIN_ACTIONS, from Stytch's RBAC policy
// (`rbac.policy()`) and the roles Stytch gives the session (`sessions.authenticate`).
import * as answers from './answers.js';
import { HandlerError, needsFullSession } from './errors.js';
import type { Call, Outcome } from './operations.js';
import type { HostSession } from './types.js';

type Json = Record<string, unknown>;

/** The admin actions the elements offer, by resource, as Stytch's default RBAC resources name them. */
export const ADMIN_ACTIONS = {
  'stytch.organization': ['update.settings.mfa-policy', 'update.settings.allowed-mfa-methods'],
  'stytch.member': [
    'search',
    'update.settings.mfa-enrolled',
    'update.settings.default-mfa-method',
    'update.info.delete.mfa-phone',
    'update.info.delete.mfa-totp',
  ],
} as const;

/** The host's session as Stytch's `method_options.authorization`: a full session only. */
function authorization(host: HostSession) {
  if (host.intermediate_session_token) throw needsFullSession();
  if (host.session_token) return { authorization: { session_token: host.session_token } };
  if (host.session_jwt) return { authorization: { session_jwt: host.session_jwt } };
  throw needsFullSession();
}

const input = (call: Call, name: string) => answers.field(call.body, name);

const badRequest = (message: string) => new HandlerError(400, 'bad_request', message);

/** The member an admin call is about: an ID, sent to Stytch as it is (Stytch finds it, or does not). */
function memberId(call: Call): string {
  const id = input(call, 'member_id');
  if (typeof id !== 'string' || id === '') throw badRequest('member_id is required.');
  return id;
}

/** A list of strings from the body, or undefined when absent; anything else is a 400. */
function strings(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw badRequest(`${name} must be a list of strings.`);
  return [...(value as string[])];
}

/** A search operand, field by field: a name and a value (text, true/false or a list of text). */
function operand(value: unknown): { filter_name: string; filter_value: unknown } {
  const name = answers.field(value, 'filter_name');
  const given = answers.field(value, 'filter_value');
  if (typeof name !== 'string') throw badRequest('Each operand needs a filter_name.');
  const filter_value =
    typeof given === 'string' || typeof given === 'boolean' ? given : strings(given, 'filter_value');
  return { filter_name: name, filter_value };
}

function searchQuery(value: unknown) {
  if (value === undefined || value === null) return undefined;
  const operator = answers.field(value, 'operator');
  const operands = answers.field(value, 'operands');
  if (typeof operator !== 'string') throw badRequest('query.operator must be AND or OR.');
  if (operands !== undefined && !Array.isArray(operands)) throw badRequest('query.operands must be a list.');
  return { operator, operands: (operands ?? []).map(operand) };
}

/** A member of a search, as `member/get` answers one, and the IDs of their roles. */
function listed(value: unknown): Json {
  const member = answers.member({ member: value });
  const roles = answers.field(value, 'roles');
  member.roles = Array.isArray(roles)
    ? roles.map((role) => answers.field(role, 'role_id')).filter((id): id is string => typeof id === 'string')
    : [];
  return member;
}

/** Whether Stytch's policy lets any of the roles do the action (an exact action, or `*`), as its SDKs check. */
function allowed(policyRoles: unknown, roles: readonly string[], resource: string, action: string): boolean {
  if (!Array.isArray(policyRoles)) return false;
  const held = new Set(roles);
  return policyRoles.some((role) => {
    const id = answers.field(role, 'role_id');
    const permissions = answers.field(role, 'permissions');
    if (typeof id !== 'string' || !held.has(id) || !Array.isArray(permissions)) return false;
    return permissions.some((permission) => {
      const actions = answers.field(permission, 'actions');
      return (
        answers.field(permission, 'resource_id') === resource &&
        Array.isArray(actions) &&
        (actions.includes(action) || actions.includes('*'))
      );
    });
  });
}

export const ADMIN_OPERATIONS = new Map<string, (call: Call) => Promise<Outcome>>([
  [
    'organization/update',
    async (call) => {
      const update: Json = {};
      for (const name of ['mfa_policy', 'mfa_methods']) {
        const value = input(call, name);
        if (value === undefined) continue;
        if (typeof value !== 'string') throw badRequest(`${name} must be text.`);
        update[name] = value;
      }
      const methods = strings(input(call, 'allowed_mfa_methods'), 'allowed_mfa_methods');
      if (methods) update.allowed_mfa_methods = methods;
      const answer = await call.stytch.organizations.update(
        { organization_id: call.host.organization_id, ...update },
        authorization(call.host),
      );
      return { body: { organization: answers.organization(answers.success(answer)) } };
    },
  ],
  [
    'members/search',
    async (call) => {
      const cursor = input(call, 'cursor');
      const limit = input(call, 'limit');
      if (cursor !== undefined && typeof cursor !== 'string') throw badRequest('cursor must be text.');
      if (limit !== undefined && typeof limit !== 'number') throw badRequest('limit must be a number.');
      const query = searchQuery(input(call, 'query'));
      const answer = answers.success(
        await call.stytch.organizations.members.search(
          {
            organization_ids: [call.host.organization_id],
            ...(cursor ? { cursor } : {}),
            ...(limit !== undefined ? { limit } : {}),
            ...(query ? { query } : {}),
          },
          authorization(call.host),
        ),
      );
      const members = answers.field(answer, 'members');
      const metadata = answers.field(answer, 'results_metadata');
      const total = answers.field(metadata, 'total');
      const next = answers.field(metadata, 'next_cursor');
      return {
        body: {
          members: Array.isArray(members) ? members.map(listed) : [],
          results_metadata: {
            total: typeof total === 'number' ? total : 0,
            next_cursor: typeof next === 'string' && next !== '' ? next : null,
          },
        },
      };
    },
  ],
  [
    'members/update',
    async (call) => {
      const member_id = memberId(call);
      const enrolled = input(call, 'mfa_enrolled');
      const method = input(call, 'default_mfa_method');
      if (enrolled !== undefined && typeof enrolled !== 'boolean')
        throw badRequest('mfa_enrolled must be true or false.');
      if (method !== undefined && typeof method !== 'string')
        throw badRequest('default_mfa_method must be text.');
      const answer = await call.stytch.organizations.members.update(
        {
          organization_id: call.host.organization_id,
          member_id,
          ...(enrolled !== undefined ? { mfa_enrolled: enrolled } : {}),
          ...(method !== undefined ? { default_mfa_method: method } : {}),
        },
        authorization(call.host),
      );
      return { body: answers.who(answers.success(answer)) };
    },
  ],
  [
    'members/delete_phone',
    async (call) => {
      const target = { organization_id: call.host.organization_id, member_id: memberId(call) };
      const answer = await call.stytch.organizations.members.deleteMFAPhoneNumber(
        target,
        authorization(call.host),
      );
      return { body: answers.who(answers.success(answer)) };
    },
  ],
  [
    'members/delete_totp',
    async (call) => {
      const target = { organization_id: call.host.organization_id, member_id: memberId(call) };
      const answer = await call.stytch.organizations.members.deleteTOTP(target, authorization(call.host));
      return { body: answers.who(answers.success(answer)) };
    },
  ],
  [
    'rbac/permissions',
    async ({ host, stytch }) => {
      const { authorization: session } = authorization(host);
      const [checked, policy] = await Promise.all([
        stytch.sessions.authenticate(session),
        stytch.rbac.policy(),
      ]);
      const roles = answers.field(answers.field(answers.success(checked), 'member_session'), 'roles');
      const held = Array.isArray(roles)
        ? roles.filter((role): role is string => typeof role === 'string')
        : [];
      const policyRoles = answers.field(answers.field(answers.success(policy), 'policy'), 'roles');
      const permissions: Record<string, Record<string, boolean>> = {};
      for (const [resource, actions] of Object.entries(ADMIN_ACTIONS)) {
        const each: Record<string, boolean> = {};
        for (const action of actions) each[action] = allowed(policyRoles, held, resource, action);
        permissions[resource] = each;
      }
      return { body: { permissions } };
    },
  ],
]);
