// `npm run test:mutation`: StrykerJS over the server helper and the emulator's services, each mutant
// run against the Node tests that load those files (through tsx, so the sandbox's instrumented
// sources are what the tests import). Not part of `npm test`: it takes many minutes on two cores.
// `node scripts/mutation-report.mjs` turns the JSON report into docs/mutation-report.md.
import { readdirSync } from 'node:fs';

// Left out: the slow files that test the built `dist/` through a child process or a browser (the
// CLI, persistence, the example site); the tap runner would give each the whole suite's time.
const slow = new Set([
  'example-site.test.ts',
  'durability.test.ts',
  'package.test.ts',
  'persistence.test.ts',
]);

const quick = new Set([
  'test/server/guard.test.ts',
  'test/server/sms-numbers.test.ts',
  'test/emulator/totp.test.ts',
  'test/server/full-session.test.ts',
  'test/server/timeout.test.ts',
  'test/server/bodies.test.ts',
  'test/server/clear-session.test.ts',
  'test/server/session-duration.test.ts',
]);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  tap: {
    // Each file runs in its own process; perTest coverage is per file, so a mutant only runs the
    // files that reached it.
    // The quick, focused files first: a mutant stops at the first file that fails.
    testFiles: ['test/server', 'test/emulator']
      .flatMap((dir) =>
        readdirSync(dir)
          .filter((file) => file.endsWith('.test.ts') && !slow.has(file))
          .map((file) => `${dir}/${file}`),
      )
      .sort((a, b) => Number(!quick.has(a)) - Number(!quick.has(b))),
    nodeArgs: ['-r', '{{hookFile}}', '--import', 'tsx', '--test-reporter=tap', '{{testFile}}'],
    forceBail: true,
  },
  // The README's Express example imports the package's own `stytch-mfa-elements/server`, which is
  // dist/: build it in the sandbox from the instrumented sources so those tests see each mutant too.
  buildCommand: 'npm run build:server',
  // `npm run test:mutation -- --mutate 'server/**/*.ts'` runs one folder.
  mutate: ['server/**/*.ts', 'emulator/services/**/*.ts'],
  ignorePatterns: [
    'dist',
    'docs',
    'demo',
    'bench',
    'test/hosts',
    'test/browser',
    'test/demo',
    'coverage',
    'reports',
  ],
  coverageAnalysis: 'perTest',
  // A mutant in module-level code runs every test file; on two shared cores that is hours.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 5000,
  // A second run only tests the mutants whose code or covering tests changed since the last one.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'json', 'progress-append-only'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
