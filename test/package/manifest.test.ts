// The manifest (custom-elements.json) documents each element's public surface, and every element the
// package exports by subpath exists.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

interface Declaration {
  tagName?: string;
  attributes?: { name: string }[];
  members?: { name: string; kind: string; privacy?: string; static?: boolean; description?: string }[];
  events?: { name: string; type?: { text: string } }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
  modules: { declarations?: Declaration[] }[];
};
const elements = new Map(
  manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .map((d) => [d.tagName!, d]),
);

const expected: Record<
  string,
  { attributes: string[]; properties: string[]; events: string[]; parts: string[] }
> = {
  'mfa-provider': { attributes: ['public-token', 'api-url'], properties: ['client'], events: [], parts: [] },
  'mfa-code-input': {
    attributes: ['length', 'name', 'value', 'required', 'disabled'],
    properties: ['value', 'form', 'validity', 'strings'],
    events: ['mfa-code-complete', 'input', 'change'],
    parts: ['input', 'error'],
  },
  'mfa-phone-input': {
    attributes: ['value', 'default-country', 'name', 'required', 'disabled'],
    properties: ['value', 'form', 'validity', 'strings'],
    events: ['input', 'change'],
    parts: ['country-select', 'input', 'error'],
  },
  'sms-otp-input': {
    attributes: [
      'phone-number',
      'sms-sent',
      'enrollment',
      'resend-cooldown',
      'code-length',
      'organization-id',
      'member-id',
      'session-duration-minutes',
    ],
    properties: ['client', 'authResponse', 'strings', 'step'],
    events: ['mfa-step', 'mfa-sms-sent', 'mfa-enrolled', 'mfa-unenrolled', 'mfa-authenticated', 'mfa-error'],
    parts: ['phone-input', 'code-input', 'submit-button', 'resend-button', 'back-button', 'error', 'status'],
  },
  'totp-setup': {
    attributes: [
      'issuer',
      'account-name',
      'expiration-minutes',
      'enrollment',
      'set-default',
      'organization-id',
      'member-id',
    ],
    properties: ['client', 'authResponse', 'strings', 'step'],
    events: [
      'mfa-step',
      'mfa-totp-created',
      'mfa-recovery-codes-saved',
      'mfa-enrolled',
      'mfa-authenticated',
      'mfa-error',
    ],
    parts: [
      'qr-code',
      'secret',
      'copy-button',
      'code-input',
      'submit-button',
      'back-button',
      'error',
      'status',
    ],
  },
  'mfa-recovery-codes': {
    attributes: ['allow-rotate', 'account-name'],
    properties: ['codes', 'client', 'strings', 'step'],
    events: ['mfa-step', 'mfa-recovery-codes-saved', 'mfa-error'],
    parts: [
      'code-list',
      'copy-button',
      'download-button',
      'print-button',
      'acknowledge',
      'submit-button',
      'error',
      'status',
    ],
  },
  'mfa-enroll': {
    attributes: ['methods', 'organization-id', 'member-id', 'session-duration-minutes'],
    properties: ['client', 'authResponse', 'strings', 'step'],
    events: ['mfa-step', 'mfa-enrolled', 'mfa-authenticated', 'mfa-error'],
    parts: ['method-option', 'back-button', 'error', 'status'],
  },
  'mfa-authenticate': {
    attributes: [
      'phone-number',
      'sms-sent',
      'totp',
      'organization-id',
      'member-id',
      'session-duration-minutes',
    ],
    properties: ['client', 'authResponse', 'strings', 'step'],
    events: ['mfa-step', 'mfa-authenticated', 'mfa-error'],
    parts: ['code-input', 'recovery-code-input', 'submit-button', 'switch-method', 'error', 'status'],
  },
  'mfa-flow': {
    attributes: ['handle-redirect', 'session-duration-minutes'],
    properties: ['client', 'authResponse', 'strings', 'step'],
    events: ['mfa-step', 'mfa-enrolled', 'mfa-authenticated', 'mfa-error'],
    parts: ['error', 'status'],
  },
  'mfa-settings': {
    attributes: ['organization-id', 'member-id', 'session-duration-minutes'],
    properties: ['client', 'strings', 'step'],
    events: ['mfa-step', 'mfa-enrolled', 'mfa-unenrolled', 'mfa-error'],
    parts: [
      'method',
      'add-button',
      'remove-button',
      'confirm-button',
      'cancel-button',
      'default-button',
      'toggle-button',
      'recovery-codes-button',
      'back-button',
      'error',
      'status',
    ],
  },
  'mfa-org-policy': {
    attributes: ['organization-id', 'member-id'],
    properties: ['client', 'strings', 'step'],
    events: ['mfa-step', 'mfa-policy-changed', 'mfa-error'],
    parts: [
      'policy-option',
      'methods-option',
      'method-option',
      'read-only',
      'locked',
      'submit-button',
      'affected',
      'confirm-button',
      'cancel-button',
      'error',
      'status',
    ],
  },
  'mfa-members': {
    attributes: ['page-size', 'organization-id', 'member-id'],
    properties: ['client', 'strings', 'step'],
    events: ['mfa-step', 'mfa-member-updated', 'mfa-error'],
    parts: [
      'search-input',
      'search-button',
      'member',
      'you',
      'own-warning',
      'require-button',
      'remove-phone-button',
      'remove-totp-button',
      'confirmation',
      'confirm-button',
      'cancel-button',
      'previous-button',
      'next-button',
      'range',
      'read-only',
      'error',
      'status',
    ],
  },
};

describe('custom-elements.json', () => {
  for (const [tag, want] of Object.entries(expected)) {
    it(`documents <${tag}>`, () => {
      const element = elements.get(tag);
      assert.ok(element, `<${tag}> is in the manifest`);
      const names = (list?: { name: string }[]) => new Set((list ?? []).map((x) => x.name));
      for (const a of want.attributes) assert.ok(names(element.attributes).has(a), `attribute ${a}`);
      const publicMembers = new Set(
        (element.members ?? [])
          .filter((m) => m.privacy !== 'private' && m.privacy !== 'protected')
          .map((m) => m.name),
      );
      for (const p of want.properties) assert.ok(publicMembers.has(p), `property ${p}`);
      for (const e of want.events) assert.ok(names(element.events).has(e), `event ${e}`);
      for (const p of want.parts) assert.ok(names(element.cssParts).has(p), `part ${p}`);
      for (const event of element.events ?? []) {
        if (event.name.startsWith('mfa-'))
          assert.match(event.type?.text ?? '', /^CustomEvent<\w+Detail>$/, event.name);
      }
    });
  }

  it('says what each public property it lists is, and lists none the sources keep @internal', () => {
    // Each listed property reaches the editors' data, the JSX, Vue and Svelte types and the demo's
    // element pages; one without words there is one the member of the public cannot tell how to use.
    const bare = [...elements].flatMap(([tag, element]) =>
      (element.members ?? [])
        .filter((m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected')
        .filter((m) => !m.static && !m.description?.trim())
        .map((m) => `<${tag}>.${m.name}`),
    );
    assert.deepEqual(bare, []);
  });

  it('forwards every documented part through the elements that nest others', () => {
    // FORWARDED_PARTS (src/elements/mfa-element.ts) is each nested element's exportparts.
    const source = readFileSync('src/elements/mfa-element.ts', 'utf8');
    const forwarded = new Set(/FORWARDED_PARTS =\s*'([^']+)'/.exec(source)![1]!.split(','));
    const nested = [
      'mfa-code-input',
      'mfa-phone-input',
      'sms-otp-input',
      'totp-setup',
      'mfa-recovery-codes',
      'mfa-enroll',
      'mfa-authenticate',
    ];
    for (const tag of nested) {
      for (const part of elements.get(tag)!.cssParts ?? [])
        assert.ok(forwarded.has(part.name), `${tag}: ${part.name}`);
    }
  });

  it('documents the --mfa- custom properties on every element they style', () => {
    const tokens = [...readFileSync('src/styles/tokens.ts', 'utf8').matchAll(/var\((--mfa-[\w-]+)/g)].map(
      (m) => m[1]!,
    );
    assert.ok(tokens.length >= 13, tokens.join());
    for (const [tag, element] of elements) {
      if (tag === 'mfa-provider') continue; // renders no step: nothing to style
      const props = new Set((element.cssProperties ?? []).map((p) => p.name));
      for (const name of tokens) assert.ok(props.has(name), `${tag}: ${name}`);
    }
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    exports: Record<string, string | { default: string }>;
    customElements: string;
  };

  it('exports each element by subpath, from its own module', () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      const file = typeof target === 'string' ? target : target.default;
      const match = /^\.\/dist\/elements\/([\w-]+)\/\1\.js$/.exec(file);
      if (!match) continue;
      assert.equal(subpath, `./${match[1]}`);
      assert.ok(existsSync(`src/elements/${match[1]}/${match[1]}.ts`), `${subpath} has a source`);
    }
    for (const tag of Object.keys(expected)) assert.ok(pkg.exports[`./${tag}`], `./${tag} is exported`);
  });

  it('names the manifest', () => {
    assert.equal(pkg.customElements, 'custom-elements.json');
  });
});
