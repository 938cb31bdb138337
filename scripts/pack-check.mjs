// The package as npm would publish it, checked in `npm test` (after `npm run build`): the files it
// holds (and what it must not), every source map resolving (its sources shipped or embedded), then
// publint and @arethetypeswrong/cli on the packed tarball.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';

let failures = 0;
const check = (ok, line) => {
  console.log(`${ok ? '✓' : '✗'} ${line}`);
  if (!ok) failures++;
};

const dir = mkdtempSync(join(tmpdir(), 'stytch-mfa-pack-'));
try {
  // Built already: no prepack build again.
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      encoding: 'utf8',
    }),
  );
  const files = new Set(packed.files.map((f) => f.path));
  console.log(
    `${packed.filename}: ${files.size} files, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked`,
  );

  for (const needed of [
    'LICENSE',
    'README.md',
    'package.json',
    'custom-elements.json',
    'dist/index.js',
    'dist/index.d.ts',
    'dist/cdn/stytch-mfa-elements.js',
    'dist/cdn/stytch-mfa-elements.classic.js',
    'dist/emulator/index.js',
    'dist/server/index.js',
    'bin/stytch-mfa-emulator.js',
    'dist/types/jsx.d.ts',
    'dist/types/vue.d.ts',
    'dist/types/svelte.d.ts',
    'dist/editors/vscode.html-custom-data.json',
    'dist/editors/vscode.css-custom-data.json',
    'dist/editors/web-types.json',
  ])
    check(files.has(needed), `ships ${needed}`);
  const stray = [...files].filter((f) => /^(src|test|demo|emulator|server|scripts|docs|bench)\//.test(f));
  check(
    stray.length === 0,
    `ships nothing from the repository's own folders${stray.length ? `: ${stray[0]}` : ''}`,
  );

  const maps = [...files].filter((f) => f.endsWith('.map'));
  const unresolved = [];
  for (const map of maps) {
    const { sources = [], sourcesContent = [] } = JSON.parse(readFileSync(map, 'utf8'));
    sources.forEach((source, i) => {
      const shipped = files.has(posix.normalize(posix.join(dirname(map), source)));
      if (!shipped && !sourcesContent[i]) unresolved.push(`${map} → ${source}`);
    });
  }
  check(
    unresolved.length === 0,
    `every source map resolves (${maps.length} maps)${unresolved.length ? `; not: ${unresolved.slice(0, 3).join(', ')} (${unresolved.length})` : ''}`,
  );

  // The CDN entry starts on its own: a static import of one of its lazy chunks would be a cycle
  // (those chunks import from the entry), in which a chunk runs before the entry it reads from.
  const entryImports = [
    ...readFileSync('dist/cdn/stytch-mfa-elements.js', 'utf8').matchAll(
      /import\s*(?:[^();"]*?from\s*)?"([^"]+)"/g,
    ),
  ].map((m) => m[1]);
  check(
    entryImports.length === 0,
    `the CDN entry imports no chunk before it runs${entryImports.length ? `; it imports ${entryImports.join(', ')}` : ''}`,
  );

  // The manifest names modules the package ships.
  const modules = JSON.parse(readFileSync('custom-elements.json', 'utf8')).modules.map((m) => m.path);
  const unshipped = modules.filter((path) => !files.has(path));
  check(
    unshipped.length === 0,
    `custom-elements.json names shipped modules (${modules.length})${unshipped.length ? `; not ${unshipped[0]}` : ''}`,
  );

  // The editors' data names every element the manifest does.
  const tags = JSON.parse(readFileSync('custom-elements.json', 'utf8'))
    .modules.flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .map((d) => d.tagName);
  const vscode = JSON.parse(readFileSync('dist/editors/vscode.html-custom-data.json', 'utf8'));
  const webTypes = JSON.parse(readFileSync('dist/editors/web-types.json', 'utf8'));
  const inVsCode = new Set(vscode.tags.map((t) => t.name));
  const inWebTypes = new Set(webTypes.contributions.html.elements.map((e) => e.name));
  const undocumented = tags.filter((tag) => !inVsCode.has(tag) || !inWebTypes.has(tag));
  check(
    undocumented.length === 0,
    `VS Code and JetBrains data name all ${tags.length} elements${undocumented.length ? `; not ${undocumented.join(', ')}` : ''}`,
  );

  const tarball = join(dir, packed.filename);
  for (const [name, args] of [
    ['publint', ['publint', 'run', tarball, '--strict']],
    ['@arethetypeswrong/cli', ['attw', tarball, '--profile', 'esm-only', '--format', 'ascii']],
  ]) {
    try {
      execFileSync('npx', ['--no-install', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      check(true, `${name} finds no problem`);
    } catch (error) {
      check(false, `${name}:\n${error.stdout}${error.stderr}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failures) {
  console.error(`${failures} package check(s) failed`);
  process.exit(1);
}
