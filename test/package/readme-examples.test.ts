// The README's backend examples are the files the tests run: each file stands in the README whole.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');

describe('README backend examples', () => {
  for (const file of [
    'examples/stytch-client.ts',
    'examples/server.ts',
    'examples/pages/login.html',
    'examples/pages/mfa.html',
    'examples/pages/account.html',
    'examples/session-store.ts',
    'examples/login.ts',
    'examples/magic-link.ts',
    'examples/express.ts',
    'examples/next/app/api/mfa/[...op]/route.ts',
    'examples/next/app/api/login/route.ts',
  ]) {
    it(`shows ${file} as it is`, () => {
      const text = readFileSync(new URL(file, root), 'utf8').trimEnd();
      const fence = file.endsWith('.html') ? 'html' : 'ts';
      assert.ok(
        readme.includes(`\`\`\`${fence}\n${text}\n\`\`\``),
        `${file} differs from its copy in README.md`,
      );
    });
  }
});
