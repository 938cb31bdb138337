import type { Route } from '../../router.js';
import { adminRoutes } from './admin.js';
import { magicLinkRoutes } from './magic-links.js';
import { memberRoutes } from './members.js';
import { passwordRoutes } from './passwords.js';
import { projectRoutes } from './project.js';
import { recoveryCodeRoutes } from './recovery-codes.js';
import { sessionRoutes } from './sessions.js';
import { smsRoutes } from './sms.js';
import { totpRoutes } from './totp.js';

/** The routes `@stytch/vanilla-js` calls under `/sdk/v1` (Basic public token, and a session if any). */
export const sdkRoutes: Route[] = [
  ...projectRoutes,
  ...passwordRoutes,
  ...magicLinkRoutes,
  ...smsRoutes,
  ...totpRoutes,
  ...recoveryCodeRoutes,
  ...sessionRoutes,
  ...memberRoutes,
  // After the member's own routes: `members/update` is theirs, not a member ID.
  ...adminRoutes,
];
