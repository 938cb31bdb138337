// The Stytch client of every example: your project's credentials from the environment, and, to run
// against the emulator (`npx stytch-mfa-emulator --port 9010`), STYTCH_BASE_URL=http://127.0.0.1:9010/
// with the emulator's credentials (`curl http://127.0.0.1:9010/__emulator/seed`, `project`).
import { B2BClient } from 'stytch';

export function stytchClient(): B2BClient {
  const base = process.env.STYTCH_BASE_URL;
  return new B2BClient({
    project_id: process.env.STYTCH_PROJECT_ID!,
    secret: process.env.STYTCH_SECRET!,
    // `custom_base_url` is the package's way to another API, but it takes https only; a local
    // emulator speaks plain http, which the package reaches only as a custom `env` (it warns once).
    ...(base?.startsWith('https://') ? { custom_base_url: base } : base ? { env: base } : {}),
  });
}
