// The size budgets of shared/SPEC.md §2, checked in `npm test`: brotli bytes are deterministic, so
// this is not a timed test. Fails when a budget is exceeded or a lazy dependency loads up front.
import { elementEntries, flowFirstSteps, kb, measure } from './sizes.mjs';

const FLOW_BUDGET = 16 * 1024; // what <mfa-flow> needs to render its first step: the kit and Lit, no Stytch client
const CDN_BUDGET = 35 * 1024; // the CDN ES entry (the Stytch client bundled beside it), before lazy chunks
const LAZY_ONLY = [/libphonenumber-js/, /uqr/, /@stytch\/vanilla-js/];

let failures = 0;
const check = (ok, line) => {
  console.log(`${ok ? '✓' : '✗'} ${line}`);
  if (!ok) failures++;
};

for (const { route, bytes } of await flowFirstSteps()) {
  check(bytes <= FLOW_BUDGET, `<mfa-flow> first step, ${route}: ${kb(bytes)} (budget ${kb(FLOW_BUDGET)})`);
}
for (const { name, entry } of elementEntries()) {
  const { initialModules } = await measure(entry);
  for (const lazy of LAZY_ONLY) {
    const upfront = initialModules.filter((id) => lazy.test(id));
    if (upfront.length) check(false, `${name} loads ${lazy.source} before first render: ${upfront[0]}`);
  }
}
check(true, 'phone metadata, the QR encoder and the Stytch client load only when needed');
const cdn = await measure('src/cdn.ts', { withSdk: true });
check(
  cdn.initialBytes <= CDN_BUDGET,
  `CDN ES entry (Stytch client bundled, loaded after first render): ${kb(cdn.initialBytes)} (budget ${kb(CDN_BUDGET)})`,
);
const sdkChunk = cdn.lazy.find((chunk) => chunk.modules.some((id) => id.startsWith('@stytch/vanilla-js')));
check(Boolean(sdkChunk), `CDN build bundles the Stytch client as a lazy chunk (${kb(sdkChunk?.bytes ?? 0)})`);

if (failures) {
  console.error(`${failures} size budget check(s) failed`);
  process.exit(1);
}
