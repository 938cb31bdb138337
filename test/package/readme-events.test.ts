// The README's list of events is the kit's: every event declared in `HTMLElementEventMap`
// (src/events.ts, what TypeScript users see) is named in the README's **Events** paragraph, and
// the paragraph names no event the kit does not fire.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';

it("the README's events are the ones the kit declares", () => {
  const source = readFileSync('src/events.ts', 'utf8');
  const map = /interface HTMLElementEventMap \{([^}]*)\}/.exec(source)?.[1] ?? '';
  const declared = [...map.matchAll(/'(mfa-[a-z-]+)'/g)].map((m) => m[1]).sort();
  assert.ok(declared.length > 5, 'found the event map');

  const readme = readFileSync('README.md', 'utf8');
  const paragraph = /- \*\*Events\*\*[\s\S]*?(?=\n- \*\*)/.exec(readme)?.[0] ?? '';
  const named = [...new Set([...paragraph.matchAll(/`(mfa-[a-z-]+)`/g)].map((m) => m[1]))].sort();
  assert.deepEqual(named, declared);
});
