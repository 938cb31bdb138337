// An app that installs the package and imports `mfa-provider` + `mfa-flow` (bench/kit-app.js), built
// by Vite: after the app's entry, whatever <mfa-flow>'s first step needs on each route is requested
// at once — at most one round trip — never through a chain of chunks that each wait for the last.
// Read from Rollup's output (its chunks' static and dynamic imports), not timed.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { build, type Rolldown } from 'vite';

type Chunk = Rolldown.OutputChunk;

/** The app as a page's own production build makes it (the package from its sources: same graph). */
async function buildApp(minify = false, input = 'bench/kit-app.js'): Promise<Chunk[]> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    resolve: {
      alias: [
        {
          find: /^stytch-mfa-elements\/([a-z-]+)$/,
          replacement: resolve('src/elements/$1/$1.ts'),
        },
      ],
    },
    build: {
      write: false,
      target: 'es2022',
      minify,
      rolldownOptions: { input },
    },
  });
  const output = (Array.isArray(result) ? result[0]! : (result as Rolldown.RolldownOutput)).output;
  return output.filter((o): o is Chunk => o.type === 'chunk');
}

/**
 * Round trips after the entry before each chunk can run: a chunk the entry (or a chunk at depth d)
 * imports statically waits for it to be parsed (d + 1); a dynamic import is requested with all the
 * chunks it imports statically at once (Vite's preload of its dependencies), so all of them are d + 1.
 */
function roundTrips(chunks: Chunk[]): Map<string, number> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (name: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(name)) return seen;
    seen.add(name);
    for (const next of byName.get(name)!.imports) closure(next, seen);
    return seen;
  };
  const depth = new Map<string, number>();
  const entry = chunks.find((c) => c.isEntry)!;
  const queue: [string, number][] = [[entry.fileName, 0]];
  while (queue.length) {
    const [name, d] = queue.shift()!;
    if ((depth.get(name) ?? Infinity) <= d) continue;
    depth.set(name, d);
    const chunk = byName.get(name)!;
    for (const next of chunk.imports) queue.push([next, d + 1]);
    for (const lazy of chunk.dynamicImports) for (const part of closure(lazy)) queue.push([part, d + 1]);
  }
  return depth;
}

describe('a Vite app with <mfa-provider> and <mfa-flow>', () => {
  it('requests what each route’s first step needs at most one round trip after its entry', async () => {
    const chunks = await buildApp();
    const depth = roundTrips(chunks);
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    /** The round trips before a module and everything it imports statically can run. */
    const before = (module: string): number => {
      const home = chunks.find((c) => Object.keys(c.modules).some((id) => id.endsWith(module)));
      assert.ok(home, `${module} is in the app`);
      let most = depth.get(home.fileName)!;
      const visit = (name: string) => {
        most = Math.max(most, depth.get(name)!);
        for (const next of byName.get(name)!.imports) visit(next);
      };
      visit(home.fileName);
      return most;
    };
    const routes = {
      'returning SMS': 'src/elements/sms-otp-input/sms-otp-input.ts',
      'returning TOTP': 'src/elements/mfa-authenticate/code-steps.ts',
      enrollment: 'src/elements/mfa-enroll/mfa-enroll.ts',
      'no MFA needed': 'src/elements/mfa-flow/mfa-flow.ts',
    };
    const found = Object.fromEntries(Object.entries(routes).map(([route, m]) => [route, before(m)]));
    assert.deepEqual(found, {
      'returning SMS': 1,
      'returning TOTP': 1,
      enrollment: 1,
      'no MFA needed': 0,
    });
  });

  it('holds the SMS step in its entry when it imports `sms-otp-input` too (bench/kit-app-sms.js)', async () => {
    const chunks = await buildApp(false, 'bench/kit-app-sms.js');
    const entry = chunks.find((c) => c.isEntry)!;
    const inEntry = (module: string) => Object.keys(entry.modules).some((id) => id.endsWith(module));
    for (const module of [
      'src/elements/mfa-authenticate/mfa-authenticate.ts',
      'src/elements/sms-otp-input/sms-otp-input.ts',
      'src/elements/mfa-code-input/mfa-code-input.ts',
    ])
      assert.ok(inEntry(module), `${module} is in the entry`);
    // Nothing the SMS step renders first waits on a chunk the entry imports statically.
    assert.deepEqual(entry.imports, []);
  });

  it('preloads with each lazy chunk its own dependencies, also minified', async () => {
    // Vite preloads what a dynamic import's chunk imports statically beside it. A minifier that
    // merges two `import()`s into one expression leaves one list for both: the SMS step then
    // fetched the TOTP step's chunks, and not its own.
    const chunks = await buildApp(true);
    const entry = chunks.find((c) => c.isEntry)!;
    const listed = /m\.f=(\[[^\]]*\])/.exec(entry.code);
    const files = listed ? (JSON.parse(listed[1]!) as string[]) : [];
    const base = (name: string) => name.slice(name.lastIndexOf('/') + 1);
    const byName = new Map(chunks.map((c) => [base(c.fileName), c]));
    const sites = [...entry.code.matchAll(/import\(`\.\/([\w.-]+)`\)/g)];
    assert.ok(
      sites.some(([, file]) => file!.startsWith('sms-otp-input')),
      'the SMS step is a lazy chunk',
    );
    for (const site of sites) {
      const file = site[1]!;
      const chunk = byName.get(file);
      assert.ok(chunk, `${file} is a chunk of the app`);
      // A chunk that imports none but the entry has nothing to preload beside it.
      if (!chunk.imports.some((name) => name !== entry.fileName)) continue;
      // Its preload's list follows, before any other import().
      const rest = entry.code.slice(site.index + site[0].length);
      const list = /__vite__mapDeps\(\[([\d,]*)\]\)/.exec(rest);
      assert.ok(list, `${file} is preloaded`);
      const between = rest.slice(0, list.index);
      assert.ok(!between.includes('import('), `the import of ${file} shares a preload: ${between}`);
      const named = list[1]!.split(',').map((i) => base(files[Number(i)] ?? ''));
      assert.ok(named.includes(file), `the preload of ${file} names ${named.join(', ')}`);
    }
  });
});
