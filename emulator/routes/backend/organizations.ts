import { errors } from '../../errors.js';
import { param, type Route } from '../../router.js';
import { readBody } from '../../schema.js';
import { toOrganization } from '../../serialize.js';
import { deleteMfaPhone, deleteTotp, MEMBER_UPDATE_FIELDS, updateMember } from '../../services/members.js';

/** Organizations and members through the backend API (`organizations.get`, `organizations.members.*`). */
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
    handle(core, { params, body }) {
      const member = core.member(param(params, 'organization_id'), param(params, 'member_id'));
      updateMember(core, member, readBody(body, MEMBER_UPDATE_FIELDS));
      return core.memberResponse(member);
    },
  },
  {
    method: 'DELETE',
    path: '/b2b/organizations/:organization_id/members/mfa_phone_numbers/:member_id',
    handle(core, { params }) {
      const member = core.member(param(params, 'organization_id'), param(params, 'member_id'));
      deleteMfaPhone(core, member);
      return core.memberResponse(member);
    },
  },
  {
    method: 'DELETE',
    path: '/b2b/organizations/:organization_id/members/:member_id/totp',
    handle(core, { params }) {
      const member = core.member(param(params, 'organization_id'), param(params, 'member_id'));
      deleteTotp(core, member);
      return core.memberResponse(member);
    },
  },
];
