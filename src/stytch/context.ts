import { createContext } from '@lit/context';
import type { StytchClient } from './types.js';

/** What a provider hands its descendants: the client, created on first read. */
export interface ClientSource {
  readonly client: StytchClient | null;
}

export const clientContext = createContext<ClientSource | undefined>(
  Symbol.for('stytch-mfa-elements/client'),
);
