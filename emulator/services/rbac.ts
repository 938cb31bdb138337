import { StytchError } from '../errors.js';
import type { MemberRecord, SessionRecord } from '../state.js';

/**
 * Stytch's RBAC with its two default roles, as a project without custom roles has it: every member
 * holds `stytch_member` (their own account, `stytch.self`); `stytch_admin`, assigned to a member,
 * also manages the organization and its members. The policy is what the bootstrap (`rbac_policy`,
 * read by the SDK's `rbac.isAuthorizedSync`) and the backend's `rbac.policy()` answer.
 */

export const STYTCH_MEMBER = 'stytch_member';
export const STYTCH_ADMIN = 'stytch_admin';

export interface RbacPermission {
  resource_id: string;
  actions: string[];
}
export interface RbacRole {
  role_id: string;
  description: string;
  permissions: RbacPermission[];
}
export interface RbacResource {
  resource_id: string;
  description: string;
  actions: string[];
}
export interface RbacPolicy {
  roles: RbacRole[];
  resources: RbacResource[];
  scopes: never[];
}

const ORGANIZATION_ACTIONS = [
  'update.info.name',
  'update.info.slug',
  'update.info.logo-url',
  'update.settings.mfa-policy',
  'update.settings.allowed-mfa-methods',
  'delete',
];
const MEMBER_ACTIONS = [
  'create',
  'search',
  'delete',
  'update.info.name',
  'update.info.untrusted-metadata',
  'update.info.mfa-phone',
  'update.info.delete.mfa-phone',
  'update.info.delete.mfa-totp',
  'update.settings.mfa-enrolled',
  'update.settings.default-mfa-method',
  'update.settings.roles',
];
const SELF_ACTIONS = [
  'update.info.name',
  'update.info.untrusted-metadata',
  'update.info.mfa-phone',
  'update.info.delete.mfa-phone',
  'update.info.delete.mfa-totp',
  'update.settings.mfa-enrolled',
  'update.settings.default-mfa-method',
  'revoke-sessions',
];

export const RBAC_POLICY: RbacPolicy = {
  roles: [
    {
      role_id: STYTCH_MEMBER,
      description: 'Granted to every member: their own account.',
      permissions: [{ resource_id: 'stytch.self', actions: ['*'] }],
    },
    {
      role_id: STYTCH_ADMIN,
      description: 'Manages the organization, its settings and its members.',
      permissions: [
        { resource_id: 'stytch.organization', actions: ['*'] },
        { resource_id: 'stytch.member', actions: ['*'] },
        { resource_id: 'stytch.self', actions: ['*'] },
      ],
    },
  ],
  resources: [
    { resource_id: 'stytch.organization', description: 'The organization.', actions: ORGANIZATION_ACTIONS },
    { resource_id: 'stytch.member', description: "The organization's members.", actions: MEMBER_ACTIONS },
    { resource_id: 'stytch.self', description: "The member's own account.", actions: SELF_ACTIONS },
  ],
  scopes: [],
};

/** A copy of the policy (what answers hold: changing one changes no other). */
export function rbacPolicy(): RbacPolicy {
  return structuredClone(RBAC_POLICY);
}

/** Roles by ID: a role named by a member record (or a file) only finds a role of the policy. */
const ROLES = new Map(RBAC_POLICY.roles.map((role) => [role.role_id, role]));

/** The roles a member holds: `stytch_member`, then those assigned (known roles only, each once). */
export function rolesOf(member: MemberRecord): string[] {
  const assigned = Array.isArray(member.roles) ? member.roles : [];
  return [...new Set([STYTCH_MEMBER, ...assigned.filter((role) => ROLES.has(role))])];
}

/** Whether any of the roles allows the action on the resource (an exact action, or `*`). */
export function isAuthorized(roles: readonly string[], resourceId: string, action: string): boolean {
  return roles.some((id) =>
    (ROLES.get(id)?.permissions ?? []).some(
      (p) => p.resource_id === resourceId && (p.actions.includes(action) || p.actions.includes('*')),
    ),
  );
}

/** The roles, of those given, that allow the action on the resource. */
export function grantingRoles(roles: readonly string[], resourceId: string, action: string): string[] {
  return roles.filter((role) => isAuthorized([role], resourceId, action));
}

export const unauthorizedAction = (resourceId: string, action: string) =>
  new StytchError(
    403,
    'unauthorized_action',
    `The member session does not have permission to perform ${action} on ${resourceId}.`,
  );

export const tenancyMismatch = () =>
  new StytchError(
    403,
    'unauthorized_action',
    'The member session belongs to another organization than the one this request is for.',
  );

/**
 * Refuses (403 `unauthorized_action`) unless the session's member may do every action on the
 * resource, in the organization the request is about.
 */
export function authorize(
  // What it needs of the EmulatorCore (named structurally: core.ts imports this module's rolesOf).
  core: { sessionMember(session: SessionRecord): MemberRecord },
  session: SessionRecord,
  organizationId: string,
  resourceId: string,
  actions: readonly string[],
): MemberRecord {
  if (session.organization_id !== organizationId) throw tenancyMismatch();
  const caller = core.sessionMember(session);
  const roles = rolesOf(caller);
  for (const action of actions)
    if (!isAuthorized(roles, resourceId, action)) throw unauthorizedAction(resourceId, action);
  return caller;
}

/** The actions a member update asks for, by the fields it sets (`stytch.self` or `stytch.member` alike). */
export function memberUpdateActions(b: Record<string, unknown>): string[] {
  const actions: string[] = [];
  const by: [string, string][] = [
    ['name', 'update.info.name'],
    ['untrusted_metadata', 'update.info.untrusted-metadata'],
    ['mfa_phone_number', 'update.info.mfa-phone'],
    ['mfa_enrolled', 'update.settings.mfa-enrolled'],
    ['default_mfa_method', 'update.settings.default-mfa-method'],
  ];
  for (const [field, action] of by) if (b[field] !== undefined) actions.push(action);
  return actions;
}

/** Who a member action is on: the caller's own account (`stytch.self`) or another member (`stytch.member`). */
export function memberResource(session: SessionRecord, target: MemberRecord): string {
  return session.member_id === target.member_id ? 'stytch.self' : 'stytch.member';
}
