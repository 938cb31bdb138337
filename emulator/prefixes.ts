/** Where the three route sets are mounted: the SDK's API, the backend API, the emulator's own. */
export const PREFIXES = { sdk: '/sdk/v1', backend: '/v1', dev: '/__emulator' } as const;
