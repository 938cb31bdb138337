// Minifies the HTML and CSS inside Lit's `html` and `css` template literals of the built library
// (dist/, after `tsc`), as the CDN build and the size measure do with the same plugin: what a page
// bundles from the package is what the budgets count. JavaScript minification is left to the page.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

const plugin = minifyLiterals({ failOnError: true });
const context = { error: (message) => Promise.reject(new Error(message)), warn: console.warn };
const files = readdirSync('dist', { recursive: true })
  .map(String)
  .filter(
    (file) =>
      file.endsWith('.js') &&
      !file.startsWith('cdn') &&
      !file.startsWith('emulator') &&
      !file.startsWith('server'),
  );

let changed = 0;
for (const file of files) {
  const path = join('dist', file);
  const code = readFileSync(path, 'utf8');
  const result = await plugin.transform.call(context, code, path);
  if (result && result.code !== code) {
    writeFileSync(path, result.code);
    changed++;
  }
}
console.log(`minified the template literals of ${changed} of ${files.length} modules in dist/`);
