// `npm test`: typecheck, lint, the package as npm would publish it (built, packed, publint, attw), the
// emulator's, the server helper's, the demo's and the host apps' Node tests, the browser tests in
// Chromium, Firefox and WebKit, and the size budget — then one plain closing line, `N passed, N failed`, for CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBrowsers } from './browsers.mjs';
import { ensureChromium } from './chromium.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'stytch-mfa-test-'));
// Every answer the emulators under test send, recorded (secrets replaced) for the shape check below.
const responses = join(tmp, 'responses');
mkdirSync(responses);
process.env.EMULATOR_RESPONSES_DIR = responses;
const counts = { passed: 0, failed: 0 };
const failedSteps = [];

function run(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) failedSteps.push(name);
  return ok;
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .filter((file) => String(file).endsWith('.test.ts') && !String(file).includes('node_modules'))
    .map((file) => join(dir, String(file)))
    .sort();
}

ensureBrowsers(['chromium', 'firefox', 'webkit']);
const chromium = ensureChromium();
console.log(`Chromium: ${chromium}`);

/** Runs Node test files, adding their TAP counts to the totals. */
function nodeTests(name, files) {
  const tap = join(tmp, `${name.replace(/\W+/g, '-')}.tap`);
  run(name, process.execPath, [
    '--import',
    'tsx',
    '--test',
    // One file at a time (node's default on 2 cores), on purpose: two at a time saved 70 s of 268,
    // but a fresh-clone run then failed the demo walkthrough's first, cold page load (15 s) while
    // the host apps' builds took the CPU beside it.
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  if (!existsSync(tap)) return void (counts.failed += 1);
  const text = readFileSync(tap, 'utf8');
  counts.passed += Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  counts.failed +=
    Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(text)?.[1] ?? 0);
}

// First, before anything is built: the README's `npm start` on what a fresh clone holds.
nodeTests('npm start before any build', testFiles('test/start'));

run('build the emulator', 'npm', ['run', '--silent', 'build:emulator']);
run('build the server helper', 'npm', ['run', '--silent', 'build:server']);
run('typecheck', 'npm', ['run', '--silent', 'typecheck']);
run('lint', 'npm', ['run', '--silent', 'lint']);
run('manifest', process.execPath, ['scripts/manifest-check.mjs']);
run('no import circle in emulator/', process.execPath, ['scripts/import-cycles.mjs', 'emulator']);
run('build the package', 'npm', ['run', '--silent', 'build']);
run('package', process.execPath, ['scripts/pack-check.mjs']);
run('framework types: React', 'npx', ['tsc', '-p', 'test/types/tsconfig.json']);
run('framework types: Vue', 'npx', ['vue-tsc', '-p', 'test/types/vue/tsconfig.json']);
run('framework types: Svelte', process.execPath, ['scripts/svelte-types-check.mjs']);

nodeTests('node tests', [
  ...testFiles('test/emulator'),
  ...testFiles('test/server'),
  ...testFiles('test/package'),
  ...testFiles('test/demo'),
  ...testFiles('test/hosts'),
]);

// The browser suite once per engine (each run its own emulator, so their states never mix).
for (const engine of ['chromium', 'firefox', 'webkit']) {
  const wtrCounts = join(tmp, `browser-${engine}.json`);
  run(
    `browser tests: ${engine}`,
    process.execPath,
    ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js'],
    { WTR_COUNTS_FILE: wtrCounts, WTR_BROWSERS: engine, CHROME_PATH: chromium },
  );
  if (existsSync(wtrCounts)) {
    const browser = JSON.parse(readFileSync(wtrCounts, 'utf8'));
    counts.passed += browser.passed;
    counts.failed += browser.failed + browser.errors;
  } else {
    counts.failed += 1;
  }
}

// The emulator against Stytch's declared shapes: every answer above against the generated schemas.
run("emulator answers in Stytch's declared shapes", process.execPath, [
  'scripts/response-shapes.mjs',
  responses,
]);
rmSync(responses, { recursive: true, force: true });

if (existsSync('scripts/size-check.mjs')) run('size budget', process.execPath, ['scripts/size-check.mjs']);

console.log('');
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(failedSteps.length || counts.failed ? 1 : 0);
