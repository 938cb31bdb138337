import { createContext } from '@lit/context';
import type { AuthResponse } from './member.js';
import type { MfaClient } from './types.js';

/** What a provider hands its descendants: the client, once created, and a way to get it. */
export interface ClientSource {
  /** The client, or null while it is not created yet. */
  readonly client: MfaClient | null;
  /** The client, created (and the SDK loaded) on first call; null when the source has no way to make one. */
  getClient(): Promise<MfaClient | null>;
  /**
   * Who is signing in when the page gave no primary-auth answer: in backend mode, from the host's
   * session (without its tokens); with the browser SDK, the client's own session, if it has one.
   */
  getAuthResponse?(): Promise<AuthResponse | null>;
  /**
   * True once the page asked for the client to sign the member in itself (`provider.getClient()`):
   * an element without a member then waits for the page rather than reporting `no_session`.
   */
  pageSignsIn?(): boolean;
}

export const clientContext = createContext<ClientSource | undefined>(
  Symbol.for('stytch-mfa-elements/client'),
);
