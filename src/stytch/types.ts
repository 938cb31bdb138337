// The SDK's types the kit speaks in. Type-only: the elements never load the SDK themselves; the
// client they are given (or that <mfa-provider> creates) does the work.
import type { StytchB2BHeadlessClient } from '@stytch/vanilla-js/b2b/headless';

export type {
  B2BAuthenticateResponseWithMFA,
  B2BOrganizationsMembersSearchOptions,
  B2BOrganizationsMembersSearchResponse,
  B2BOrganizationsUpdateOptions,
  Member,
  MemberSession,
  Organization,
} from '@stytch/vanilla-js/b2b/headless';

/** A Stytch B2B headless client (`StytchB2BHeadlessClient` / `StytchB2BClient`). */
export type StytchClient = InstanceType<typeof StytchB2BHeadlessClient>;

/**
 * What the elements call on a client. The SDK's client has all of it, and so has the one
 * `createBackendClient` makes, which sends the same calls to the host's own server.
 */
export interface MfaClient {
  otps: { sms: Pick<StytchClient['otps']['sms'], 'send' | 'authenticate'> };
  totp: Pick<StytchClient['totp'], 'create' | 'authenticate'>;
  recoveryCodes: Pick<StytchClient['recoveryCodes'], 'recover' | 'get' | 'rotate'>;
  self: Pick<StytchClient['self'], 'get' | 'getSync' | 'update' | 'deleteMFAPhoneNumber' | 'deleteMFATOTP'>;
  organization: Pick<StytchClient['organization'], 'get' | 'getSync' | 'update'> & {
    /** The admin calls of `<mfa-members>` (each authorized by Stytch's RBAC for the session's member). */
    members: Pick<
      StytchClient['organization']['members'],
      'search' | 'update' | 'deleteMFAPhoneNumber' | 'deleteMFATOTP'
    >;
  };
  /** The session's permissions (RBAC), read by the admin elements to show what the member may change. */
  rbac: Pick<StytchClient['rbac'], 'isAuthorizedSync' | 'isAuthorized'>;
  session: Pick<StytchClient['session'], 'getSync'>;
  authenticateByUrl: StytchClient['authenticateByUrl'];
}
