import type { Route } from '../../router.js';
import { backendAdminRoutes } from './admin.js';
import { backendFactorRoutes } from './factors.js';
import { backendLoginRoutes } from './login.js';
import { backendOrganizationRoutes } from './organizations.js';
import { backendSessionRoutes } from './sessions.js';

/** Stytch's backend API under `/v1` (Basic `project_id:secret`), as the official `stytch` package calls it. */
export const backendRoutes: Route[] = [
  ...backendFactorRoutes,
  ...backendLoginRoutes,
  ...backendSessionRoutes,
  ...backendOrganizationRoutes,
  ...backendAdminRoutes,
];
