// The SDK's types the kit speaks in. Type-only: the elements never load the SDK themselves; the
// client they are given (or that <mfa-provider> creates) does the work.
import type { StytchB2BHeadlessClient } from '@stytch/vanilla-js/b2b/headless';

export type {
  B2BAuthenticateResponseWithMFA,
  Member,
  MemberSession,
  Organization,
} from '@stytch/vanilla-js/b2b/headless';

/** A Stytch B2B headless client (`StytchB2BHeadlessClient` / `StytchB2BClient`). */
export type StytchClient = InstanceType<typeof StytchB2BHeadlessClient>;
