// `npm start`: the demo on http://127.0.0.1:5173 with the emulator mounted at the same origin.
// `npm run build:cdn`: the CDN builds — an ES module entry (lazy chunks beside it) and, with
// `--mode classic`, a self-contained classic script. Both register every element (the ES entry
// those of the first steps at once, the others from a chunk it requests itself).
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { B2BClient } from 'stytch';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defineConfig, type Plugin } from 'vite';
import { createEmulator, PROJECT } from './emulator/index.js';
import type { createApp } from './examples/express.js';

/**
 * The emulator at the demo's origin, for the browser SDK; and, for the demo's "your server" mode, the
 * README's Express host under /api, whose B2BClient (the official package) calls the same emulator.
 */
function stytchEmulator(): Plugin {
  return {
    name: 'stytch-emulator',
    async configureServer(server) {
      const emulator = createEmulator();
      server.middlewares.use(emulator.middleware);
      const backend = await emulator.listen(0);
      const warn = console.warn; // the package warns about a custom env, as it should
      console.warn = () => undefined;
      const stytch = new B2BClient({
        ...PROJECT,
        env: `http://127.0.0.1:${(backend.address() as AddressInfo).port}/`,
      });
      console.warn = warn;
      // The example imports `stytch-mfa-elements/server` as an app would; Vite's own module loader
      // runs it from the sources (the alias below), so the demo needs nothing built first.
      let host: Promise<ReturnType<typeof createApp>> | undefined;
      const loadHost = async () => {
        const example = (await server.ssrLoadModule(EXAMPLE)) as { createApp: typeof createApp };
        return example.createApp(stytch);
      };
      server.middlewares.use('/api', (req, res, next) => {
        req.url = req.originalUrl ?? req.url; // Express routes on the full path
        (host ??= loadHost())
          .then((app) => app(req as Parameters<typeof app>[0], res as Parameters<typeof app>[1], next))
          .catch(next);
      });
      server.httpServer?.once('close', () => void emulator.close());
    },
  };
}

/** What loads only when a step needs it: the phone library, the QR encoder, the Stytch client, Stytch's error map, French. */
const LAZY_ONLY = /\/(phone-lib|qr)\.ts$|\/stytch\/error-types\.ts$|\/strings\/(en\/errors|fr)\.ts$/;
const SOURCE = `${resolve('src')}/`;
const EXAMPLE = resolve('examples/express.ts');
const LIT = /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/context)\//;

/** The kit's modules a source file reaches by static imports (relative ones: the kit's own). */
function staticClosure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const [, spec] of code.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'(\.[^']+)'/gm))
    staticClosure(resolve(dirname(entry), spec!.replace(/\.js$/, '.ts')), seen);
  return seen;
}

/**
 * The CDN ES entry holds what <mfa-flow>'s first steps need — the kit's code it imports statically,
 * the steps its modules load when a route shows them, and Lit — and nothing else, so a page that loads it fetches no second module before the first step
 * (rolldown would otherwise split what lazy chunks share into chunks the entry imports, fetched only
 * once the entry has arrived). The rest of the kit's elements (the root entry) is one chunk,
 * `elements`, requested by the entry itself; what loads only when needed (above; other languages)
 * is chunked apart.
 */
const ENTRY = [
  'src/cdn.ts',
  // Loaded by entry modules when a first step shows: returning TOTP's step; backend mode's client.
  'src/elements/mfa-authenticate/code-steps.ts',
  'src/stytch/backend-client.ts',
].reduce((seen, file) => staticClosure(resolve(file), seen), new Set<string>());
const inEntry = (id: string): boolean => LIT.test(id) || ENTRY.has(id);
const inRest = (id: string): boolean =>
  id.startsWith(SOURCE) && !ENTRY.has(id) && !LAZY_ONLY.test(id) && !/\/strings\/[a-z-]+\.ts$/.test(id);

/**
 * V8's compile hint (Chrome 136+) on the CDN entry's first line: its functions are compiled on a
 * background thread while it downloads, not one by one on the main thread as the first step first
 * calls them. Not on the chunks: most of their functions do not run at load. For them `undefined`,
 * which rolldown takes as no banner (an empty string would still add a line), though its type says
 * a string.
 */
const compileHint = (chunk: { isEntry: boolean }): string =>
  (chunk.isEntry ? '//# allFunctionsCalledOnLoad' : undefined) as string;

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    // STYTCH_PUBLIC_TOKEN set: the demo runs against that real Stytch project instead of the emulator.
    const real = Boolean(process.env.STYTCH_PUBLIC_TOKEN);
    return {
      root: 'demo',
      plugins: real ? [] : [stytchEmulator()],
      envPrefix: 'STYTCH_PUBLIC_',
      server: { host: '127.0.0.1', port: 5173, strictPort: true },
      resolve: {
        conditions: ['development', 'module', 'browser'],
        // The package's own server subpath, from source: dist/ may not exist (a fresh clone).
        alias: { 'stytch-mfa-elements/server': resolve('server/index.ts') },
      },
    };
  }
  const classic = mode === 'classic';
  return {
    publicDir: false,
    // The HTML and CSS in Lit's template literals, minified as dist/ ships them (scripts/minify-literals.mjs).
    plugins: [minifyLiterals({ failOnError: true })],
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: !classic,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      lib: {
        entry: classic ? 'src/cdn-classic.ts' : 'src/cdn.ts',
        formats: [classic ? 'iife' : 'es'],
        name: 'StytchMfaElements',
        fileName: () => (classic ? 'stytch-mfa-elements.classic.js' : 'stytch-mfa-elements.js'),
      },
      rolldownOptions: {
        // One entry file holding everything it imports statically; only what loads later is a chunk.
        preserveEntrySignatures: 'allow-extension',
        // Vite keeps whitespace in ES library builds for downstream bundlers; these files go
        // straight to browsers, so minify them fully.
        output: {
          minify: true,
          comments: { legal: true, annotation: false, jsdoc: false },
          ...(classic
            ? {}
            : {
                postBanner: compileHint,
                chunkFileNames: 'chunks/[name]-[hash].js',
                codeSplitting: {
                  groups: [
                    { name: 'stytch-mfa-elements', test: inEntry, includeDependenciesRecursively: false },
                    { name: 'elements', test: inRest, includeDependenciesRecursively: false },
                  ],
                },
              }),
        },
      },
    },
  };
});
