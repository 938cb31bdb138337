// The size budgets of shared/SPEC.md §2, checked in `npm test`: brotli bytes are deterministic, so
// this is not a timed test. Fails when a budget is exceeded or a lazy dependency loads up front.
import { elementEntries, kb, measure } from './sizes.mjs';

const ELEMENT_BUDGET = 15 * 1024; // what an element (and so <mfa-flow>) needs for its first step, without the SDK
const CDN_BUDGET = 35 * 1024; // the CDN ES entry (the Stytch client bundled beside it), before lazy chunks
const LAZY_ONLY = [/libphonenumber-js/, /qrcode/];

let failures = 0;
const check = (ok, line) => {
  console.log(`${ok ? '✓' : '✗'} ${line}`);
  if (!ok) failures++;
};

for (const { name, entry } of elementEntries()) {
  const { initialBytes, initialModules } = await measure(entry);
  check(
    initialBytes <= ELEMENT_BUDGET,
    `${name} first render: ${kb(initialBytes)} (budget ${kb(ELEMENT_BUDGET)})`,
  );
  for (const lazy of LAZY_ONLY) {
    const upfront = initialModules.filter((id) => lazy.test(id));
    check(
      upfront.length === 0,
      `${name} loads ${lazy.source} only when needed${upfront.length ? `: ${upfront[0]}` : ''}`,
    );
  }
}
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
