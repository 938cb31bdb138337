import type { EmulatorCore, Caller } from '../core.js';
import { errors } from '../errors.js';
import type { Route } from '../router.js';
import { readBody } from '../schema.js';
import { toOrganization } from '../serialize.js';
import type { MemberRecord } from '../state.js';
import { checkPhoneNumber } from './sms.js';

function sessionMember(core: EmulatorCore, caller: Caller): MemberRecord {
  const session = core.requireSession(caller);
  return core.member(session.organization_id, session.member_id);
}

/** After a factor is removed, a default that named it falls back to what is left. */
function fixDefault(member: MemberRecord): void {
  if (member.default_mfa_method === 'sms_otp' && !member.mfa_phone_number) {
    member.default_mfa_method = member.totp?.status === 'active' ? 'totp' : '';
  }
  if (member.default_mfa_method === 'totp' && member.totp?.status !== 'active') {
    member.default_mfa_method = member.mfa_phone_number_verified ? 'sms_otp' : '';
  }
}

export const memberRoutes: Route[] = [
  {
    // organization.getBySlug(): public, no session needed.
    method: 'POST',
    path: '/b2b/organizations/search',
    handle(core, { body }) {
      const b = readBody(body, { organization_slug: 'string' });
      const org = Object.values(core.state.organizations).find(
        (o) => o.organization_slug === b.organization_slug,
      );
      if (!org) return { organization: null };
      const full = toOrganization(org);
      return {
        organization: {
          organization_id: full.organization_id,
          organization_name: full.organization_name,
          organization_slug: full.organization_slug,
          organization_logo_url: full.organization_logo_url,
          sso_active_connections: [],
          sso_default_connection_id: null,
          email_jit_provisioning: full.email_jit_provisioning,
          email_allowed_domains: [],
          oauth_tenant_jit_provisioning: full.oauth_tenant_jit_provisioning,
          allowed_oauth_tenants: {},
          auth_methods: full.auth_methods,
          allowed_auth_methods: [],
          mfa_policy: full.mfa_policy,
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/b2b/organizations/me',
    handle(core, { caller }) {
      const member = sessionMember(core, caller);
      return { organization: toOrganization(core.organization(member.organization_id)) };
    },
  },
  {
    method: 'GET',
    path: '/b2b/organizations/members/me',
    handle: (core, { caller }) => core.memberResponse(sessionMember(core, caller)),
  },
  {
    method: 'PUT',
    path: '/b2b/organizations/members/update',
    handle(core, { body, caller }) {
      const b = readBody(body, {
        name: 'string?',
        untrusted_metadata: 'object?',
        mfa_enrolled: 'boolean?',
        mfa_phone_number: 'string?',
        default_mfa_method: 'string?',
      });
      const member = sessionMember(core, caller);
      if (b.mfa_phone_number) {
        checkPhoneNumber(core, b.mfa_phone_number);
        if (member.mfa_phone_number && member.mfa_phone_number !== b.mfa_phone_number)
          throw errors.memberPhoneExists();
      }
      if (b.default_mfa_method !== undefined) {
        if (b.default_mfa_method !== 'sms_otp' && b.default_mfa_method !== 'totp')
          throw errors.invalidDefaultMethod();
        const has =
          b.default_mfa_method === 'sms_otp'
            ? member.mfa_phone_number_verified
            : member.totp?.status === 'active';
        if (!has) throw errors.defaultMissingFactor();
      }
      if (b.name !== undefined) member.name = b.name;
      if (b.untrusted_metadata)
        member.untrusted_metadata = { ...member.untrusted_metadata, ...b.untrusted_metadata };
      if (b.mfa_enrolled !== undefined) member.mfa_enrolled = b.mfa_enrolled;
      if (b.mfa_phone_number && member.mfa_phone_number !== b.mfa_phone_number) {
        member.mfa_phone_number = b.mfa_phone_number;
        member.mfa_phone_number_verified = false;
      }
      if (b.default_mfa_method === 'sms_otp' || b.default_mfa_method === 'totp') {
        member.default_mfa_method = b.default_mfa_method;
      }
      member.updated_at = core.now();
      return core.memberResponse(member);
    },
  },
  {
    method: 'DELETE',
    path: '/b2b/organizations/members/deletePhoneNumber',
    handle(core, { caller }) {
      const member = sessionMember(core, caller);
      member.mfa_phone_number = '';
      member.mfa_phone_number_verified = false;
      member.phone_id = '';
      delete core.state.sms_codes[member.member_id];
      fixDefault(member);
      member.updated_at = core.now();
      return core.memberResponse(member);
    },
  },
  {
    method: 'DELETE',
    path: '/b2b/organizations/members/deleteTOTP',
    handle(core, { caller }) {
      const member = sessionMember(core, caller);
      member.totp = null;
      fixDefault(member);
      member.updated_at = core.now();
      return core.memberResponse(member);
    },
  },
];
