// Measures what each entry costs: brotli bytes of the minified code a page loads before first render
// (the entry and its static imports), and, listed apart, the chunks it loads only when needed.
// Shared by `npm run bench` and the size check in `npm test` (bytes are deterministic).
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';
import { readdirSync } from 'node:fs';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { build } from 'vite';

const brotli = (code) =>
  brotliCompressSync(Buffer.from(code), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Every element's own module: `src/elements/<tag>/<tag>.ts`. */
export function elementEntries() {
  return readdirSync('src/elements', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: `<${d.name}>`, entry: `src/elements/${d.name}/${d.name}.ts` }));
}

const SDK = /^@stytch\/vanilla-js/;

/**
 * Chunk names: a page's bundler adds a content hash to each (eight random characters in every name
 * an entry imports), and which eight changes with any edit anywhere in the kit. Random characters
 * compress differently: measured with the hashes of one build, or with any one stand-in for them,
 * the SMS route drew ±20 B from one unrelated edit to the next. So the build names chunks plainly,
 * and a chunk's bytes are the mean over {@link DRAWS} sets of hash-shaped stand-ins, each drawn from
 * the chunk's name and the draw's number: what a page pays on average, and the same from one edit to
 * the next.
 */
const chunkFileName = '[name].js';
const DRAWS = 16;
const standIn = (name, draw) =>
  createHash('sha256').update(`${draw}:${name}`).digest('base64url').slice(0, 8);

/**
 * Builds one entry (minified ES modules, like a page's bundler would) and measures it.
 * `withSdk`: include the Stytch client (the CDN entry); otherwise it is external (a peer dependency).
 */
export async function measure(entry, { withSdk = false } = {}) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    plugins: [minifyLiterals({ failOnError: true })],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['es'], fileName: 'entry' },
      // Vite keeps whitespace in ES library builds (for downstream tree shaking); a page's own
      // production build minifies it away, so minify fully here.
      rolldownOptions: {
        external: withSdk ? [] : [SDK],
        output: { minify: true, comments: false, chunkFileNames: chunkFileName },
      },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output.filter((o) => o.type === 'chunk');
  const byName = new Map(output.map((chunk) => [chunk.fileName, chunk]));
  const entryChunk = output.find((chunk) => chunk.isEntry);
  // Each name another chunk imports, where it is written (`"./tokens.js"`), for its stand-ins.
  const named = output.filter((chunk) => !chunk.isEntry).map((chunk) => chunk.fileName.slice(0, -3));
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const written = new RegExp(`(?<=/)(${named.map(escape).join('|')})(?=\\.js[\`'"])`, 'g');
  const bytesOf = (fileName) => {
    const { code } = byName.get(fileName);
    if (!named.length || code.search(written) === -1) return brotli(code);
    let sum = 0;
    for (let draw = 0; draw < DRAWS; draw++)
      sum += brotli(code.replace(written, (name) => `${name}-${standIn(name, draw)}`));
    return Math.round(sum / DRAWS);
  };
  // What loads before first render: the entry and, transitively, its static imports.
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name) || !byName.has(name)) return;
    initial.add(name);
    for (const next of byName.get(name).imports) visit(next);
  };
  visit(entryChunk.fileName);
  const initialBytes = [...initial].reduce((sum, name) => sum + bytesOf(name), 0);
  const lazy = output
    .filter((chunk) => !initial.has(chunk.fileName))
    .map((chunk) => ({
      name: chunk.name,
      bytes: bytesOf(chunk.fileName),
      modules: Object.keys(chunk.modules).map((id) => id.replace(/^.*node_modules\//, '')),
    }));
  const initialModules = [...initial].flatMap((name) => Object.keys(byName.get(name).modules));
  /**
   * Bytes of lazy chunks (by name) and the chunks they import statically that are not loaded yet,
   * each counted once. Throws for a name with no lazy chunk, so a renamed module cannot drop out.
   */
  const lazyClosureBytes = (...chunkNames) => {
    const seen = new Set();
    const walk = (name) => {
      if (seen.has(name) || initial.has(name) || !byName.has(name)) return;
      seen.add(name);
      for (const next of byName.get(name).imports) walk(next);
    };
    for (const chunkName of chunkNames) {
      const start = output.find((chunk) => !initial.has(chunk.fileName) && chunk.name === chunkName);
      if (!start) throw new Error(`no lazy chunk named ${chunkName} in ${entry}`);
      walk(start.fileName);
    }
    return [...seen].reduce((sum, name) => sum + bytesOf(name), 0);
  };
  return { initialBytes, lazy, initialModules, lazyClosureBytes };
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * What <mfa-flow> needs to show its first step, by route: its own code (with <mfa-authenticate>),
 * then what loads for the route's first step (<mfa-enroll>, or the method's step).
 */
export async function flowFirstSteps() {
  const flow = await measure('src/elements/mfa-flow/mfa-flow.ts');
  return [
    {
      route: 'returning MFA by SMS (<mfa-authenticate>, SMS code entry)',
      label: 'returning MFA by SMS (SMS code entry)',
      chunks: ['sms-otp-input'],
    },
    {
      route: 'returning MFA by TOTP (<mfa-authenticate>, TOTP code entry)',
      label: 'returning MFA by TOTP (TOTP code entry)',
      chunks: ['code-steps'],
    },
    {
      route: 'enrollment (<mfa-enroll>, method choice)',
      label: 'enrollment (method choice)',
      chunks: ['mfa-enroll'],
    },
    { route: 'no MFA needed (done)', label: 'no MFA needed', chunks: [] },
  ].map(({ route, label, chunks }) => ({
    route,
    label,
    bytes: flow.initialBytes + (chunks.length ? flow.lazyClosureBytes(...chunks) : 0),
  }));
}
