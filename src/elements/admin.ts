// What the admin elements (<mfa-org-policy>, <mfa-members>) share: the permissions they ask the
// session's RBAC about, who a policy asks for a second step, and reading every member of a search.
import type { MfaPolicy } from '../events.js';
import type {
  B2BOrganizationsMembersSearchOptions,
  Member,
  MfaClient,
  Organization,
} from '../stytch/types.js';
import { FACTORS, type Factor } from './factors.js';

/** Stytch's RBAC resources and actions for the admin elements (its default `stytch_admin` role has them). */
export const PERMISSIONS = {
  policy: ['stytch.organization', 'update.settings.mfa-policy'],
  methods: ['stytch.organization', 'update.settings.allowed-mfa-methods'],
  search: ['stytch.member', 'search'],
  require: ['stytch.member', 'update.settings.mfa-enrolled'],
  removePhone: ['stytch.member', 'update.info.delete.mfa-phone'],
  removeTotp: ['stytch.member', 'update.info.delete.mfa-totp'],
} as const satisfies Record<string, readonly [string, string]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * What the session's roles allow, asked of the client's RBAC (the SDK's policy from the project's
 * bootstrap, or the host's server in backend mode). Stytch checks again on every call.
 */
export async function allowed<K extends Permission>(
  client: MfaClient,
  names: readonly K[],
): Promise<Record<K, boolean>> {
  const out = {} as Record<K, boolean>;
  await Promise.all(
    names.map(async (name) => {
      const [resource, action] = PERMISSIONS[name];
      out[name] = await client.rbac.isAuthorized(resource, action).catch(() => false);
    }),
  );
  return out;
}

/** An organization's policy as the kit reports it (`mfa-policy-changed`). */
export function policyOf(org: Organization | null | undefined): MfaPolicy {
  return {
    mfa_policy: org?.mfa_policy === 'REQUIRED_FOR_ALL' ? 'REQUIRED_FOR_ALL' : 'OPTIONAL',
    mfa_methods: org?.mfa_methods === 'RESTRICTED' ? 'RESTRICTED' : 'ALL_ALLOWED',
    allowed_mfa_methods: FACTORS.filter((f) => (org?.allowed_mfa_methods ?? []).includes(f)),
  };
}

/** The factors a policy lets members use. */
export function allowedBy(policy: MfaPolicy): Factor[] {
  return policy.mfa_methods === 'RESTRICTED' ? [...policy.allowed_mfa_methods] : [...FACTORS];
}

/** The factors a member has set up. */
export function factorsOf(member: Member): Factor[] {
  const has: Factor[] = [];
  if (member.mfa_phone_number && member.mfa_phone_number_verified) has.push('sms_otp');
  if (member.totp_registration_id) has.push('totp');
  return has;
}

/**
 * What a member is asked for at their next sign-in under a policy: nothing, a factor they have
 * (their default first), or to set one up (`enroll`).
 */
export function nextAsk(member: Member, policy: MfaPolicy): 'nothing' | 'enroll' | Factor {
  if (policy.mfa_policy !== 'REQUIRED_FOR_ALL' && !member.mfa_enrolled) return 'nothing';
  const usable = factorsOf(member).filter((f) => allowedBy(policy).includes(f));
  if (usable.length === 0) return 'enroll';
  const preferred = member.default_mfa_method as Factor;
  return usable.includes(preferred) ? preferred : usable[0]!;
}

/** Stytch's largest page of a search. */
const MAX_PAGE = 1000;

/**
 * Reads every member of the organization, page by page with the search's cursor, handing each
 * page to `each` (nothing is kept: an organization of thousands costs one pass).
 */
export async function eachMember(
  client: MfaClient,
  each: (member: Member) => void,
  query?: B2BOrganizationsMembersSearchOptions['query'],
): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await client.organization.members.search({
      limit: MAX_PAGE,
      ...(cursor ? { cursor } : {}),
      ...(query ? { query } : {}),
    });
    page.members.forEach(each);
    cursor = page.results_metadata?.next_cursor || undefined;
  } while (cursor);
}
