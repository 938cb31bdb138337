// `npm run release -- patch|minor|major`: one command from a clean main to a published version.
// Runs `npm test` first (it builds the package), and only when it passes moves the CHANGELOG's
// "Unreleased" section under the new version, runs `npm version` (commit and tag) and publishes what
// the suite tested — so a red suite leaves no commit or tag behind. Prints the push command at the
// end. `--dry-run` checks the version and the CHANGELOG, and changes nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const KINDS = new Set(['patch', 'minor', 'major']);
const kind = process.argv[2];
const dryRun = process.argv.includes('--dry-run');
const fail = (message) => {
  console.error(`release: ${message}`);
  process.exit(1);
};

if (!KINDS.has(kind)) fail('say which part of the version changes: npm run release -- patch|minor|major');
const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();
if (!dryRun && git('status', '--porcelain')) fail('commit or discard your changes first');

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const [major, minor, patch] = version.split('.').map(Number);
const next =
  kind === 'major'
    ? `${major + 1}.0.0`
    : kind === 'minor'
      ? `${major}.${minor + 1}.0`
      : `${major}.${minor}.${patch + 1}`;

const changelog = readFileSync('CHANGELOG.md', 'utf8');
const unreleased = /^## Unreleased\n([\s\S]*?)(?=^## )/m.exec(changelog);
if (!unreleased || !unreleased[1].trim()) fail('CHANGELOG.md has nothing under "## Unreleased" to release');
const today = new Date().toISOString().slice(0, 10);
const updated = changelog.replace('## Unreleased\n', `## Unreleased\n\n## ${next} — ${today}\n`);
console.log(`release: ${version} → ${next}`);
if (dryRun) {
  console.log(updated.slice(unreleased.index, unreleased.index + 400));
  process.exit(0);
}
execFileSync('npm', ['test'], { stdio: 'inherit' }); // throws (and stops here) when it fails
writeFileSync('CHANGELOG.md', updated);
git('add', 'CHANGELOG.md');
git('commit', '-m', `CHANGELOG: ${next}`);
execFileSync('npm', ['version', kind, '-m', 'Release %s'], { stdio: 'inherit' });
// Built and tested just now: publish that, without prepublishOnly running the suite again.
execFileSync('npm', ['publish', '--ignore-scripts'], { stdio: 'inherit' });
console.log(`release: published ${next}; now push it: git push --follow-tags`);
