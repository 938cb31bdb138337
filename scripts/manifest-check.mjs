// Fails when custom-elements.json is not what `npm run analyze` makes from the sources now.
// (The analyzer can only write in place; the committed file is put back either way.)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

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
