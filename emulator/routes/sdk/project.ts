import type { Route } from '../../router.js';
import { rbacPolicy } from '../../services/rbac.js';

/** The project's configuration: DFP, captcha and PKCE off, so the SDK never leaves the emulator. */
export const projectRoutes: Route[] = [
  {
    method: 'GET',
    path: '/projects/bootstrap/:publicToken',
    handle: (core) => ({
      project_name: core.options.projectName,
      vertical: 'B2B',
      disable_sdk_watermark: true,
      cname_domain: null,
      email_domains: [],
      captcha_settings: { enabled: false },
      dfp_protected_auth_enabled: false,
      dfp_protected_auth_mode: null,
      pkce_required_for_email_magic_links: false,
      pkce_required_for_password_resets: false,
      pkce_required_for_oauth: false,
      pkce_required_for_sso: false,
      slug_pattern: null,
      create_organization_enabled: false,
      password_config: null,
      siwe_required_for_crypto_wallets: false,
      rbac_policy: rbacPolicy(),
    }),
  },
  {
    // The SDK's telemetry: accepted and dropped.
    method: 'POST',
    path: '/events',
    anonymous: true,
    handle: () => ({}),
  },
];
