// Fails when the modules under a folder (default: emulator/) import each other in a circle. Reads
// every relative `import`/`export … from` (type-only ones too: a circle of types is still a circle
// in the design) and prints each circle found as `a.ts → b.ts → a.ts`.
// Usage: node scripts/import-cycles.mjs [folder…]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/** The relative imports of one file, as absolute .ts paths. */
export function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const found = new Set();
  for (const match of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"](\.[^'"]+)['"]/gms)) {
    const target = resolve(dirname(file), match[1].replace(/\.js$/, '.ts'));
    if (existsSync(target)) found.add(target);
  }
  return [...found];
}

/** Every circle among the .ts files under `folder`, each as a list of files from one back to it. */
export function findCycles(folder) {
  const files = readdirSync(folder, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => resolve(folder, file));
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  const cycles = [];
  const seen = new Set();
  const state = new Map(); // 1 = on the current path, 2 = done
  const path = [];
  const visit = (file) => {
    state.set(file, 1);
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 1) {
        const cycle = path.slice(path.indexOf(next));
        const key = [...cycle].sort().join('|');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...cycle, next]);
        }
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 2);
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folders = process.argv.length > 2 ? process.argv.slice(2) : ['emulator'];
  let failed = false;
  for (const folder of folders) {
    const cycles = findCycles(folder);
    for (const cycle of cycles)
      console.log(`import circle: ${cycle.map((f) => relative('.', f)).join(' → ')}`);
    if (cycles.length) failed = true;
    else console.log(`${folder}: no import circle`);
  }
  process.exit(failed ? 1 : 0);
}
