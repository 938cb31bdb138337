// `npm run bench`: the byte budgets (what the kit costs before its first step paints, brotli) — bytes of what each element needs
// to first render (lazy chunks listed apart), the CDN entry with the Stytch client — and the time to
// the first usable field beside Stytch's prebuilt UI, in headless Chromium (bench-first-step.mjs),
// and the heap over 500 mounts of each element (bench-memory.mjs).
// Figures only: nothing here fails a build (the byte budgets are enforced by `npm test`).
import { execFileSync } from 'node:child_process';
import { elementEntries, flowFirstSteps, kb, measure } from './sizes.mjs';

console.log(
  'Bytes (minified, brotli), what loads before first render; the Stytch client excluded unless said:\n',
);
for (const { name, entry } of elementEntries()) {
  const { initialBytes, lazy } = await measure(entry);
  console.log(`${name.padEnd(22)} ${kb(initialBytes).padStart(9)}`);
  for (const chunk of lazy) console.log(`${''.padEnd(22)}   lazy: ${chunk.name} ${kb(chunk.bytes)}`);
}
console.log(
  '\n<mfa-flow> first step (its code with <mfa-authenticate>, then what the route loads), budget 16 KB:',
);
for (const { route, bytes } of await flowFirstSteps()) console.log(`  ${route}: ${kb(bytes)}`);
const cdn = await measure('src/cdn.ts', { withSdk: true });
console.log(`${'CDN entry'.padEnd(22)} ${kb(cdn.initialBytes).padStart(9)}`);
for (const chunk of cdn.lazy) console.log(`${''.padEnd(22)}   lazy: ${chunk.name} ${kb(chunk.bytes)}`);

// Time to the first usable field, side by side with Stytch's prebuilt UI (scripts/bench-first-step.mjs).
execFileSync('npm', ['run', '--silent', 'build:lib'], { stdio: 'inherit' }); // the Vite app installs dist/
execFileSync('npm', ['run', '--silent', 'build:cdn'], { stdio: 'inherit' });
execFileSync('npm', ['run', '--silent', 'build:emulator'], { stdio: 'inherit' });
execFileSync('npm', ['run', '--silent', 'build:server'], { stdio: 'inherit' }); // backend mode's host
await import('./bench-first-step.mjs');
await import('./bench-memory.mjs');
