import type {
  B2BAuthenticationFactor,
  Member,
  MemberSession,
  Organization,
} from '@stytch/vanilla-js/b2b/headless';
import { iso } from './clock.js';
import { signJwt, type SigningKey } from './jwt.js';
import type { ProjectCredentials } from './seed.js';
import { rolesOf } from './services/rbac.js';
import type { FactorRecord, MemberRecord, OrganizationRecord, SessionRecord } from './state.js';

/** Members and organizations as Stytch's API returns them; the SDK's types check the shapes. */
export function toOrganization(org: OrganizationRecord): Organization {
  return {
    organization_id: org.organization_id,
    organization_name: org.organization_name,
    organization_slug: org.organization_slug,
    organization_logo_url: '',
    trusted_metadata: {},
    sso_default_connection_id: null,
    sso_jit_provisioning: 'NOT_ALLOWED',
    sso_jit_provisioning_allowed_connections: [],
    sso_active_connections: [],
    scim_active_connection: null,
    email_allowed_domains: [],
    claimed_email_domains: [],
    email_jit_provisioning: 'NOT_ALLOWED',
    email_invites: 'ALL_ALLOWED',
    oauth_tenant_jit_provisioning: 'NOT_ALLOWED',
    allowed_oauth_tenants: {},
    auth_methods: 'ALL_ALLOWED',
    allowed_auth_methods: [],
    mfa_methods: org.mfa_methods,
    allowed_mfa_methods: [...org.allowed_mfa_methods],
    mfa_policy: org.mfa_policy,
    rbac_email_implicit_role_assignments: [],
    custom_roles: [],
    first_party_connected_apps_allowed_type: 'ALL_ALLOWED',
    allowed_first_party_connected_apps: [],
    third_party_connected_apps_allowed_type: 'ALL_ALLOWED',
    allowed_third_party_connected_apps: [],
    created_at: iso(org.created_at),
    updated_at: iso(org.updated_at ?? org.created_at),
  } as Organization;
}

/** The SDK's `Member`, plus `is_locked`, which the backend API returns and `stytch` declares. */
export function toMember(member: MemberRecord): Member & { is_locked: boolean } {
  return {
    organization_id: member.organization_id,
    member_id: member.member_id,
    email_address: member.email_address,
    email_address_verified: true,
    retired_email_addresses: [],
    status: member.status,
    name: member.name,
    trusted_metadata: {},
    untrusted_metadata: { ...member.untrusted_metadata },
    created_at: iso(member.created_at),
    updated_at: iso(member.updated_at),
    sso_registrations: [],
    is_breakglass: false,
    is_locked: false,
    is_admin: false,
    member_password_id: member.password ? `member-password-test-${member.member_id.slice(-12)}` : '',
    mfa_enrolled: member.mfa_enrolled,
    mfa_phone_number: member.mfa_phone_number,
    mfa_phone_number_verified: member.mfa_phone_number_verified,
    roles: rolesOf(member).map((role_id) => ({
      role_id,
      sources: [{ type: 'direct_assignment', details: {} }],
    })),
    default_mfa_method: member.default_mfa_method,
    totp_registration_id: member.totp?.status === 'active' ? member.totp.totp_registration_id : '',
    oauth_registrations: [],
  };
}

function toFactor(factor: FactorRecord, member: MemberRecord): B2BAuthenticationFactor {
  const at = iso(factor.at);
  switch (factor.type) {
    case 'otp':
      return {
        type: 'otp',
        delivery_method: 'sms',
        last_authenticated_at: at,
        phone_number_factor: { phone_id: member.phone_id, phone_number: factor.ref ?? '' },
        sequence_order: 'SECONDARY',
      };
    case 'totp':
    case 'recovery_codes':
      // The SDK's union has no authenticator-app member; the API sends these as below.
      return {
        type: factor.type,
        delivery_method: factor.type === 'totp' ? 'authenticator_app' : 'recovery_code',
        last_authenticated_at: at,
        ...(factor.type === 'totp'
          ? { authenticator_app_factor: { totp_id: factor.ref ?? '' } }
          : { recovery_code_factor: { totp_recovery_code_id: factor.ref ?? '' } }),
        sequence_order: 'SECONDARY',
      } as unknown as B2BAuthenticationFactor;
    case 'magic_link':
      return {
        type: 'magic_link',
        delivery_method: 'email',
        last_authenticated_at: at,
        email_factor: {
          email_id: `email-test-${member.member_id.slice(-12)}`,
          email_address: member.email_address,
        },
        sequence_order: 'PRIMARY',
      };
    case 'password':
      return {
        type: 'password',
        delivery_method: 'knowledge',
        last_authenticated_at: at,
        sequence_order: 'PRIMARY',
      } as unknown as B2BAuthenticationFactor;
  }
}

export function toMemberSession(
  session: SessionRecord,
  member: MemberRecord,
  org: OrganizationRecord,
): MemberSession {
  return {
    member_session_id: session.member_session_id,
    member_id: session.member_id,
    organization_id: session.organization_id,
    organization_slug: org.organization_slug,
    started_at: iso(session.started_at),
    last_accessed_at: iso(session.last_accessed_at),
    expires_at: iso(session.expires_at),
    authentication_factors: session.factors.map((f) => toFactor(f, member)),
    roles: rolesOf(member),
    custom_claims: {},
  };
}

/**
 * A session JWT with Stytch's claims, RS256-signed with the emulator's key: the official backend
 * package verifies it offline (`sessions.authenticateJwtLocal`) through the JWKS route.
 */
export function sessionJwt(
  session: SessionRecord,
  member: MemberRecord,
  org: OrganizationRecord,
  nowMs: number,
  key: SigningKey,
  project: ProjectCredentials,
): string {
  const seconds = Math.floor(nowMs / 1000);
  return signJwt(key, {
    sub: member.member_id,
    iss: `stytch.com/${project.project_id}`,
    aud: [project.project_id],
    iat: seconds,
    nbf: seconds,
    exp: Math.min(seconds + 300, Math.floor(session.expires_at / 1000)),
    'https://stytch.com/session': {
      id: session.member_session_id,
      started_at: iso(session.started_at),
      last_accessed_at: iso(session.last_accessed_at),
      expires_at: iso(session.expires_at),
      attributes: { ip_address: '', user_agent: '' },
      authentication_factors: session.factors.map((f) => toFactor(f, member)),
      roles: rolesOf(member),
    },
    'https://stytch.com/organization': { organization_id: org.organization_id, slug: org.organization_slug },
  });
}
