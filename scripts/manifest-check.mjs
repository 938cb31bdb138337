// Fails when custom-elements.json is not what `npm run analyze` makes from the sources now, or when
// @wc-toolkit/cem-validator finds it or package.json wanting: an element without a tag, a module
// path or definition that is not shipped, a type its API names that its module does not export.
// (The analyzer can only write in place; the committed file is put back either way.)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { validateCem } from '@wc-toolkit/cem-validator';

const committed = readFileSync('custom-elements.json', 'utf8');
let fresh;
try {
  execFileSync('npm', ['run', '--silent', 'analyze'], { stdio: 'inherit' });
  fresh = readFileSync('custom-elements.json', 'utf8');
} finally {
  writeFileSync('custom-elements.json', committed);
}
if (JSON.stringify(JSON.parse(fresh)) !== JSON.stringify(JSON.parse(committed))) {
  console.error('custom-elements.json is out of date: run `npm run analyze` and commit it.');
  process.exit(1);
}
console.log('custom-elements.json is up to date.');

// Every rule an error, but the schema version: the analyzer writes the version it follows.
const error = 'error';
await validateCem(JSON.parse(committed), {
  exclude: ['MfaElement', 'FormControl'], // the abstract bases: never registered, so no tag
  rules: {
    packageJson: { packageType: error, main: error, module: error, types: error, exports: error },
    manifest: {
      schemaVersion: 'warning',
      modulePath: error,
      definitionPath: error,
      typeDefinitionPath: error,
    },
  },
});
console.log('custom-elements.json and package.json pass @wc-toolkit/cem-validator.');
