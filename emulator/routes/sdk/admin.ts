import { param, type Route } from '../../router.js';
import { readBody } from '../../schema.js';
import { toOrganization } from '../../serialize.js';
import { searchMembers } from '../../services/member-search.js';
import { deleteMfaPhone, deleteTotp, MEMBER_UPDATE_FIELDS, updateMember } from '../../services/members.js';
import {
  allowedMethodsOf,
  ORGANIZATION_UPDATE_FIELDS,
  organizationUpdateActions,
  updateOrganization,
} from '../../services/organizations.js';
import { authorize, memberResource, memberUpdateActions } from '../../services/rbac.js';
import type { Caller, EmulatorCore } from '../../core.js';

/**
 * The admin calls of `organization.update` and `organization.members.*`: each with the caller's
 * session (no session is 401, a dead one 404), on the caller's own organization only (another
 * organization's member is not found), and allowed by the session's roles (403 `unauthorized_action`).
 * A member acting on their own account needs `stytch.self`, on another member `stytch.member`.
 */
function target(core: EmulatorCore, caller: Caller, memberId: string) {
  const session = core.callerSession(caller);
  const member = core.member(session.organization_id, memberId);
  return { session, member, resource: memberResource(session, member) };
}

export const adminRoutes: Route[] = [
  {
    method: 'PUT',
    path: '/b2b/organizations/me',
    handle(core, { body, caller }) {
      const b = {
        ...readBody(body, ORGANIZATION_UPDATE_FIELDS),
        allowed_mfa_methods: allowedMethodsOf(body),
      };
      const session = core.callerSession(caller);
      authorize(core, session, session.organization_id, 'stytch.organization', organizationUpdateActions(b));
      const org = core.organization(session.organization_id);
      updateOrganization(core, org, b);
      return { organization: toOrganization(org) };
    },
  },
  {
    method: 'POST',
    path: '/b2b/organizations/me/members/search',
    handle(core, { body, caller }) {
      const b = readBody(body, { cursor: 'string?', limit: 'number?', query: 'object?' });
      const session = core.callerSession(caller);
      authorize(core, session, session.organization_id, 'stytch.member', ['search']);
      return searchMembers(core, new Set([session.organization_id]), b);
    },
  },
  {
    method: 'PUT',
    path: '/b2b/organizations/members/:member_id',
    handle(core, { body, caller, params }) {
      const b = readBody(body, MEMBER_UPDATE_FIELDS);
      const { session, member, resource } = target(core, caller, param(params, 'member_id'));
      authorize(core, session, member.organization_id, resource, memberUpdateActions(b));
      updateMember(core, member, b);
      return core.memberResponse(member);
    },
  },
  {
    method: 'DELETE',
    path: '/b2b/organizations/members/mfa_phone_numbers/:member_id',
    handle(core, { caller, params }) {
      const { session, member, resource } = target(core, caller, param(params, 'member_id'));
      authorize(core, session, member.organization_id, resource, ['update.info.delete.mfa-phone']);
      deleteMfaPhone(core, member);
      return core.memberResponse(member);
    },
  },
  {
    method: 'DELETE',
    path: '/b2b/organizations/members/totp/:member_id',
    handle(core, { caller, params }) {
      const { session, member, resource } = target(core, caller, param(params, 'member_id'));
      authorize(core, session, member.organization_id, resource, ['update.info.delete.mfa-totp']);
      deleteTotp(core, member);
      return core.memberResponse(member);
    },
  },
];
