import { parseArgs } from 'node:util';
import { createEmulator, InvalidStateError } from './index.js';

const USAGE = `Usage: stytch-mfa-emulator [--port 9010] [--host 127.0.0.1] [--data FILE] [--allow-host NAME]… [--quiet]

Serves an offline emulator of Stytch's B2B SDK API at http://HOST:PORT/sdk/v1, its backend API at
/v1/b2b (Basic project_id:secret, listed by /__emulator/seed) and its dev routes at /__emulator
(seed, sms, email, reset, clock, faults). It answers loopback host names, --host and each --allow-host
only. Point the SDK at it with
  new StytchB2BHeadlessClient('public-token-test-…', { endpoints: { testAPIURL: URL, liveAPIURL: URL } })`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9010' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string' },
    'allow-host': { type: 'string', multiple: true },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`stytch-mfa-emulator: --port must be a port number, not ${values.port}\n\n${USAGE}`);
  process.exit(2);
}

let emulator: ReturnType<typeof createEmulator>;
try {
  emulator = createEmulator({
    ...(values.data ? { dataFile: values.data } : {}),
    ...(values['allow-host'] ? { allowedHosts: values['allow-host'] } : {}),
    ...(values.quiet ? {} : { log: (line: string) => console.log(line) }),
  });
} catch (error) {
  // A data file it cannot run from: say what is wrong with it, not a stack trace.
  if (!(error instanceof InvalidStateError)) throw error;
  console.error(`stytch-mfa-emulator: ${error.message}`);
  process.exit(1);
}
const server = await emulator.listen(port, values.host);
const address = server.address();
const shown =
  typeof address === 'object' && address ? `http://${values.host}:${address.port}` : String(address);
console.log(`Stytch emulator listening on ${shown}${values.data ? ` (state in ${values.data})` : ''}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        // The latest state could not be saved: say so in one line, and exit non-zero.
        console.error(`stytch-mfa-emulator: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  });
}
