// `npm run analyze`: custom-elements.json from the sources, with its modules in path order so the
// file is the same however the analyzer happened to walk them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';

execFileSync(
  'npx',
  ['cem', 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.styles.ts', '--quiet'],
  { stdio: 'inherit' },
);
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
writeFileSync('custom-elements.json', `${JSON.stringify(manifest, null, 2)}\n`);

// JSX types for React 19, Preact and Solid, from the manifest (stytch-mfa-elements/jsx), once the
// library's declarations are built (they import the element classes and event details from them).
if (existsSync('dist/index.d.ts')) {
  generateJsxTypes(manifest, {
    outdir: 'dist/types',
    fileName: 'jsx.d.ts',
    globalTypePath: '../index.js',
    stronglyTypedEvents: true,
  });
  // The generator imports every declaration of the elements' modules; keep those the types use.
  const file = 'dist/types/jsx.d.ts';
  const jsx = readFileSync(file, 'utf8');
  const imports = /import type \{([^}]*)\} from "\.\.\/index\.js";\n/.exec(jsx);
  if (!imports) throw new Error(`${file}: the generator's import is not where it was`);
  const body = jsx.slice(imports.index + imports[0].length);
  const used = imports[1]
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name && new RegExp(`\\b${name}\\b`).test(body));
  writeFileSync(file, `import type { ${used.join(', ')} } from "../index.js";\n${body}`);
}
