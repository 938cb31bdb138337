// The Vue, React and Svelte host apps, built the way each framework's own template builds them: Vite
// and the framework's plugin. `stytch-mfa-elements` must come from node_modules/stytch-mfa-elements
// here — the tarball hosts.test.ts packs and extracts — never from the repository's src or dist.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import react from '@vitejs/plugin-react';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const packed = fileURLToPath(new URL('node_modules/stytch-mfa-elements/', import.meta.url));

/** Fails the build if the kit resolves anywhere but the packed copy. */
const fromPackedPackage: Plugin = {
  name: 'from-packed-package',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!/^stytch-mfa-elements(\/|$)/.test(source)) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (!resolved?.id.startsWith(packed)) {
      throw new Error(`${source} resolved to ${resolved?.id ?? 'nothing'}, not the packed package`);
    }
    return resolved;
  },
};

export default defineConfig({
  root,
  logLevel: 'warn',
  plugins: [
    fromPackedPackage,
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.includes('-') } } }),
    react(),
    svelte({ configFile: fileURLToPath(new URL('svelte/svelte.config.js', import.meta.url)) }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        vue: `${root}vue/index.html`,
        react: `${root}react/index.html`,
        svelte: `${root}svelte/index.html`,
      },
    },
  },
});
