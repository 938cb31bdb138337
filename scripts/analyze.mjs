// `npm run analyze`: custom-elements.json from the sources, with its modules in path order so the
// file is the same however the analyzer happened to walk them.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

execFileSync(
  'npx',
  ['cem', 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.styles.ts', '--quiet'],
  { stdio: 'inherit' },
);
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
writeFileSync('custom-elements.json', `${JSON.stringify(manifest, null, 2)}\n`);
