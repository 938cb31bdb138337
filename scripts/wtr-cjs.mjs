// Serves CommonJS packages to the browser tests as ES modules: esbuild bundles the file, and its
// exports (read by loading it in Node) become named exports. Production builds need none of this —
// Vite bundles CommonJS itself — but the test runner serves files one by one.
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

/** `packages`: names whose files are CommonJS (their whole folder under node_modules). */
export function cjsAsEsm(packages) {
  const pattern = new RegExp(`/node_modules/(${packages.join('|')})/`);
  const cache = new Map();
  return {
    name: 'cjs-as-esm',
    async serve(context) {
      const path = context.path;
      if (!pattern.test(path) || !path.endsWith('.js')) return undefined;
      const file = `${process.cwd()}${path}`;
      if (!cache.has(file)) {
        const names = Object.keys(require(file)).filter(
          (name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default',
        );
        const entry = `import m from ${JSON.stringify(file)};\nexport default m;\n${names
          .map((name) => `export const ${name} = m.${name};`)
          .join('\n')}`;
        const result = await build({
          stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' },
          bundle: true,
          format: 'esm',
          platform: 'browser',
          write: false,
          logLevel: 'silent',
        });
        cache.set(file, result.outputFiles[0].text);
      }
      return { body: cache.get(file), type: 'js' };
    },
  };
}
