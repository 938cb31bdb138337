// `npm run analyze`: custom-elements.json from the sources, with its modules in path order so the
// file is the same however the analyzer happened to walk them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateSvelteTypes } from 'custom-element-svelte-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

execFileSync(
  'npx',
  ['cem', 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.styles.ts', '--quiet'],
  { stdio: 'inherit' },
);
// Module paths name what the package ships (dist/…/*.js), not the sources it does not.
const manifest = JSON.parse(
  readFileSync('custom-elements.json', 'utf8').replace(/"src\/([^"]+)\.[jt]s"/g, '"dist/$1.js"'),
);
manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
// The Lit plugin lists each entry of `static properties` as a public field, also one whose own
// declaration is @internal: the analyzer dropped that declaration, and the entry is left with its
// name alone — no type, no words, no attribute. Those named here are not public API, so they go; any
// other field with a name alone fails the run, so a real property cannot vanish undescribed.
const INTERNAL_STATE = new Set(['ended']);
for (const declaration of manifest.modules.flatMap((m) => m.declarations ?? [])) {
  declaration.members &&= declaration.members.filter((m) => {
    const nameAlone =
      m.kind === 'field' && m.privacy === 'public' && !m.static && !m.type && !m.description && !m.attribute;
    if (!nameAlone) return true;
    if (INTERNAL_STATE.has(m.name)) return false;
    throw new Error(
      `${declaration.name}.${m.name} is public with a name alone: describe it, or mark it @internal`,
    );
  });
}
writeFileSync('custom-elements.json', `${JSON.stringify(manifest, null, 2)}\n`);

/**
 * The generators import every declaration of the elements' modules from the library's index (and
 * DOM types such as InputEvent with them), and wrap declared `CustomEvent<…>` types in another: keep
 * the imports the types use that the index exports — the element classes and the event details —
 * and unwrap the events (so a handler's `event.detail` is the detail).
 */
function tidyTypes(file) {
  const classes = new Set(
    manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.customElement)
      .map((d) => d.name),
  );
  const exported = (name) => classes.has(name) || /Detail$/.test(name);
  const text = readFileSync(file, 'utf8').replace(/CustomEvent<CustomEvent<(\w+)>>/g, 'CustomEvent<$1>');
  const imports = /import type \{([^}]*)\} from "\.\.\/index\.js";\n/.exec(text);
  if (!imports) throw new Error(`${file}: the generator's import is not where it was`);
  const before = text.slice(0, imports.index);
  const body = text.slice(imports.index + imports[0].length);
  // (The Vue generator leaves the details out of its import though its types name them.)
  const names = [
    ...new Set([
      ...imports[1].split(',').map((name) => name.trim()),
      ...(body.match(/\b\w+Detail\b/g) ?? []),
    ]),
  ];
  const kept = names.filter((name) => name && exported(name) && new RegExp(`\\b${name}\\b`).test(body));
  writeFileSync(file, `${before}import type { ${kept.join(', ')} } from "../index.js";\n${body}`);
}

// Editor data from the manifest: VS Code's HTML and CSS custom data, JetBrains' web-types (named by
// package.json's "web-types"), so editors complete the tags, attributes, parts and --mfa- properties.
generateVsCodeCustomElementData(manifest, {
  outdir: 'dist/editors',
  htmlFileName: 'vscode.html-custom-data.json',
  cssFileName: 'vscode.css-custom-data.json',
  hideLogs: true,
});
generateJetBrainsWebTypes(manifest, {
  outdir: 'dist/editors',
  webTypesFileName: 'web-types.json',
  hideLogs: true,
});

// Framework types from the manifest, once the library's declarations are built (they import the
// element classes and event details from them): JSX for React 19, Preact and Solid
// (stytch-mfa-elements/jsx), Vue's GlobalComponents (stytch-mfa-elements/vue) and Svelte's
// svelteHTML elements (stytch-mfa-elements/svelte).
if (existsSync('dist/index.d.ts')) {
  const common = { outdir: 'dist/types', globalTypePath: '../index.js' };
  // A framework's `value` binds the property (what is entered): the fields' `value` attribute, which
  // is `defaultValue` as on <input>, would give the generators a second `value` prop.
  const frameworks = structuredClone(manifest);
  for (const element of frameworks.modules.flatMap((m) => m.declarations ?? [])) {
    const fields = new Set((element.members ?? []).map((member) => member.name));
    element.attributes = element.attributes?.filter(
      (a) => !(a.fieldName && a.fieldName !== a.name && fields.has(a.name)),
    );
  }
  generateJsxTypes(frameworks, { ...common, fileName: 'jsx.d.ts', stronglyTypedEvents: true });
  tidyTypes('dist/types/jsx.d.ts');
  generateVuejsTypes(frameworks, { ...common, fileName: 'vue.d.ts' });
  tidyTypes('dist/types/vue.d.ts');
  // Vue hands `@mfa-sms-sent` to a prop named onMfaSmsSent: name the handlers so, or they go unchecked.
  const vue = readFileSync('dist/types/vue.d.ts', 'utf8').replace(
    /"on(mfa(?:-[a-z]+)+)"\?:/g,
    (_, event) => `on${event.replace(/(^|-)([a-z])/g, (_m, _d, c) => c.toUpperCase())}?:`,
  );
  writeFileSync('dist/types/vue.d.ts', vue);
  generateSvelteTypes(frameworks, { ...common, fileName: 'svelte.d.ts' });
  tidyTypes('dist/types/svelte.d.ts');
  // What the Svelte generator leaves a Svelte 5 app without: its base props name React's
  // JSX.Element and JSX.CSSProperties; it declares svelteHTML inside the module, where no template
  // sees it; it names handlers only as Svelte 4's `on:mfa-sms-sent` (Svelte 5 listens with
  // `onmfa-sms-sent={…}`) and properties only as `bind:authResponse` (`authResponse={r}` sets one).
  const svelte = readFileSync('dist/types/svelte.d.ts', 'utf8')
    .replace(/JSX\.Element/g, 'unknown')
    .replace(/JSX\.CSSProperties/g, 'string')
    .replace(
      /^declare namespace svelteHTML \{([\s\S]*?)^\}/m,
      'declare global {\n  namespace svelteHTML {$1}\n}',
    )
    .replace(
      /^(\s*)"on:(mfa[a-z-]*)"\?:(.*)$/gm,
      (line, indent, event, type) => `${line}\n${indent}"on${event}"?:${type}`,
    )
    .replace(
      /^(\s*)"bind:(\w+)"\?:(.*)$/gm,
      (line, indent, name, type) => `${line}\n${indent}${name}?:${type}`,
    );
  writeFileSync('dist/types/svelte.d.ts', svelte);
}
