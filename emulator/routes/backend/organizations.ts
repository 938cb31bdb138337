import { errors } from '../../errors.js';
import { param, type Route } from '../../router.js';
import { readBody } from '../../schema.js';
import { toOrganization } from '../../serialize.js';
import { deleteMfaPhone, deleteTotp, MEMBER_UPDATE_FIELDS, updateMember } from '../../services/members.js';
import { memberResource, memberUpdateActions } from '../../services/rbac.js';
import type { SessionRecord } from '../../state.js';
import { authorizeBackend } from './authorization.js';

/**
 * Organizations and members through the backend API (`organizations.get`, `organizations.members.*`).
 * A member change made with a member session (`method_options.authorization`) is allowed only by the session's roles.
 */
export const backendOrganizationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/b2b/organizations/:organization_id',
    handle: (core, { params }) => ({
      organization: toOrganization(core.organization(param(params, 'organization_id'))),
    }),
  },
  {
    method: 'GET',
    path: '/b2b/organizations/:organization_id/member',
    handle(core, { params, query }) {
      const org = core.organization(param(params, 'organization_id'));
      const id = query.get('member_id');
      const email = query.get('email_address');
      const member = id
        ? core.member(org.organization_id, id)
        : email && core.memberByEmail(org.organization_id, email);
      if (!member) throw errors.memberNotFound();
      return core.memberResponse(member);
    },
  },
  {
    method: 'PUT',
    path: '/b2b/organizations/:organization_id/members/:member_id',
    handle(core, { params, body, headers }) {
      const b = readBody(body, MEMBER_UPDATE_FIELDS);
      const member = core.member(param(params, 'organization_id'), param(params, 'member_id'));
      const resource = (session: SessionRecord) => memberResource(session, member);
      authorizeBackend(core, headers, member.organization_id, resource, memberUpdateActions(b));
      updateMember(core, member, b);
      return core.memberResponse(member);
    },
  },
  {
    method: 'DELETE',
    path: '/b2b/organizations/:organization_id/members/mfa_phone_numbers/:member_id',
    handle(core, { params, headers }) {
      const member = core.member(param(params, 'organization_id'), param(params, 'member_id'));
      const resource = (session: SessionRecord) => memberResource(session, member);
      authorizeBackend(core, headers, member.organization_id, resource, ['update.info.delete.mfa-phone']);
      deleteMfaPhone(core, member);
      return core.memberResponse(member);
    },
  },
  {
    method: 'DELETE',
    path: '/b2b/organizations/:organization_id/members/:member_id/totp',
    handle(core, { params, headers }) {
      const member = core.member(param(params, 'organization_id'), param(params, 'member_id'));
      const resource = (session: SessionRecord) => memberResource(session, member);
      authorizeBackend(core, headers, member.organization_id, resource, ['update.info.delete.mfa-totp']);
      deleteTotp(core, member);
      return core.memberResponse(member);
    },
  },
];
