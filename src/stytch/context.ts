import { createContext } from '@lit/context';
import type { StytchClient } from './types.js';

/** What a provider hands its descendants: the client, once created, and a way to get it. */
export interface ClientSource {
  /** The client, or null while it is not created yet. */
  readonly client: StytchClient | null;
  /** The client, created (and the SDK loaded) on first call; null when the source has no way to make one. */
  getClient(): Promise<StytchClient | null>;
}

export const clientContext = createContext<ClientSource | undefined>(
  Symbol.for('stytch-mfa-elements/client'),
);
