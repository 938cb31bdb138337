import type { Caller, EmulatorCore } from '../../core.js';
import type { Route } from '../../router.js';
import { readBody } from '../../schema.js';
import { toOrganization } from '../../serialize.js';
import { deleteMfaPhone, deleteTotp, MEMBER_UPDATE_FIELDS, updateMember } from '../../services/members.js';
import type { MemberRecord } from '../../state.js';

function sessionMember(core: EmulatorCore, caller: Caller): MemberRecord {
  return core.sessionMember(core.callerSession(caller));
}

export const memberRoutes: Route[] = [
  {
    // organization.getBySlug(): public, no session needed.
    method: 'POST',
    path: '/b2b/organizations/search',
    handle(core, { body }) {
      const b = readBody(body, { organization_slug: 'string' });
      const org = [...core.state.organizations.values()].find(
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
      const b = readBody(body, MEMBER_UPDATE_FIELDS);
      const member = sessionMember(core, caller);
      updateMember(core, member, b);
      return core.memberResponse(member);
    },
  },
  {
    method: 'DELETE',
    path: '/b2b/organizations/members/deletePhoneNumber',
    handle(core, { caller }) {
      const member = sessionMember(core, caller);
      deleteMfaPhone(core, member);
      return core.memberResponse(member);
    },
  },
  {
    method: 'DELETE',
    path: '/b2b/organizations/members/deleteTOTP',
    handle(core, { caller }) {
      const member = sessionMember(core, caller);
      deleteTotp(core, member);
      return core.memberResponse(member);
    },
  },
];
