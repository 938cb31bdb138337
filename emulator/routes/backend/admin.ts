import { errors, StytchError } from '../../errors.js';
import { param, type Route } from '../../router.js';
import { readBody } from '../../schema.js';
import { toOrganization } from '../../serialize.js';
import { searchMembers } from '../../services/member-search.js';
import {
  allowedMethodsOf,
  ORGANIZATION_UPDATE_FIELDS,
  organizationUpdateActions,
  updateOrganization,
} from '../../services/organizations.js';
import { rbacPolicy } from '../../services/rbac.js';
import { authorizeBackend } from './authorization.js';

/**
 * The backend's admin calls (`organizations.update`, `organizations.members.search`) and the RBAC
 * policy (`rbac.policy()`, which the `stytch` package caches for its local checks). With
 * `method_options.authorization` Stytch checks the member session's roles; without, the project's
 * secret is enough.
 */
export const backendAdminRoutes: Route[] = [
  {
    method: 'PUT',
    path: '/b2b/organizations/:organization_id',
    handle(core, { body, params, headers }) {
      const b = {
        ...readBody(body, ORGANIZATION_UPDATE_FIELDS),
        allowed_mfa_methods: allowedMethodsOf(body),
      };
      const org = core.organization(param(params, 'organization_id'));
      authorizeBackend(
        core,
        headers,
        org.organization_id,
        'stytch.organization',
        organizationUpdateActions(b),
      );
      updateOrganization(core, org, b);
      return { organization: toOrganization(org) };
    },
  },
  {
    method: 'POST',
    path: '/b2b/organizations/members/search',
    handle(core, { body, headers }) {
      const b = readBody(body, { cursor: 'string?', limit: 'number?', query: 'object?' });
      const ids =
        body !== null && typeof body === 'object' && Object.hasOwn(body, 'organization_ids')
          ? (body as { organization_ids: unknown }).organization_ids
          : undefined;
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
        throw errors.badRequest('organization_ids must be a list of organization IDs.');
      if (ids.length === 0)
        throw new StytchError(400, 'member_search_organization_ids_empty', 'organization_ids is empty.');
      const orgs = new Set((ids as string[]).map((id) => core.organization(id).organization_id));
      for (const id of orgs) authorizeBackend(core, headers, id, 'stytch.member', ['search']);
      return searchMembers(core, orgs, b);
    },
  },
  {
    method: 'GET',
    path: '/b2b/rbac/policy',
    handle: () => ({ policy: rbacPolicy() }),
  },
  {
    // The organization's custom roles: none in the emulator.
    method: 'GET',
    path: '/b2b/rbac/organizations/:organization_id',
    handle(core, { params }) {
      core.organization(param(params, 'organization_id'));
      return { org_policy: { roles: [] } };
    },
  },
];
