// Svelte 5 templates checked against the generated types (dist/types/svelte.d.ts) with svelte-check:
// test/types/svelte/Right.svelte must pass; Wrong.svelte must fail with exactly its two errors (a
// wrong attribute value, a misspelt event detail). svelte-check has no expect-error for markup.
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  'npx',
  [
    'svelte-check',
    '--workspace',
    'test/types/svelte',
    '--tsconfig',
    './tsconfig.json',
    '--output',
    'machine',
  ],
  { encoding: 'utf8' },
);
const errors = result.stdout.split('\n').filter((line) => / ERROR /.test(line));
const expected = [/"Wrong\.svelte" 6:\d+ .*sometimes/, /"Wrong\.svelte" 7:\d+ .*phoneNumbr/];
const unexpected = errors.filter((line) => !expected.some((pattern) => pattern.test(line)));
const missing = expected.filter((pattern) => !errors.some((line) => pattern.test(line)));
for (const line of unexpected) console.error(`unexpected: ${line}`);
for (const pattern of missing) console.error(`missing: an error matching ${pattern}`);
if (unexpected.length || missing.length) process.exit(1);
console.log(`✓ Svelte: Right.svelte passes; Wrong.svelte fails with its ${expected.length} errors`);
