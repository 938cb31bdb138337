// Every shipped locale: a string for every key (TypeScript holds them to `MfaStrings`), each with the
// placeholders its English has — a dropped {phone} or {seconds} would show the member a gap — a
// form for each of its language's plural categories, and none left in English.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ar } from '../../src/strings/ar.js';
import { de } from '../../src/strings/de.js';
import { en } from '../../src/strings/en.js';
import { es } from '../../src/strings/es.js';
import { fr } from '../../src/strings/fr.js';
import { ja } from '../../src/strings/ja.js';
import { ptBR } from '../../src/strings/pt-br.js';
import { plural } from '../../src/strings/plural.js';

const LOCALES = { fr, de, es, 'pt-BR': ptBR, ja, ar };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();
/** The forms of each `{name, plural, …}` block in a string. */
const pluralForms = (text: string) =>
  [...text.matchAll(/\{\w+, plural,((?:\s*=?\w+ \{[^{}]*\})+)\s*\}/g)].map((block) =>
    [...block[1]!.matchAll(/(=?\w+) \{/g)].map((m) => m[1]).sort(),
  );
/** Strings that are the same in English and the locale on purpose: the codes' file name (ja, ar). */
const SAME_ON_PURPOSE = new Set(['recoveryFileName']);

describe('shipped locales', () => {
  for (const [lang, table] of Object.entries(LOCALES)) {
    it(`${lang}: every key, its placeholders, none left in English`, () => {
      assert.deepEqual(Object.keys(table).sort(), Object.keys(en).sort());
      for (const [key, english] of Object.entries(en)) {
        const text = table[key as keyof typeof en];
        assert.ok(text.trim(), `${lang}.${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(english), `${lang}.${key}: "${text}"`);
        if (!SAME_ON_PURPOSE.has(key)) assert.notEqual(text, english, `${lang}.${key} is still English`);
        // Plural forms: one block where the English has one, with a form for each of the language's
        // categories (Arabic's six, Japanese's one).
        const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
        const blocks = pluralForms(text);
        assert.equal(blocks.length, pluralForms(english).length, `${lang}.${key}: plural blocks`);
        for (const forms of blocks) assert.deepEqual(forms, categories, `${lang}.${key}: plural forms`);
      }
    });
  }
});

describe('plural forms', () => {
  it('picks the form of the language and writes the number for it', () => {
    assert.equal(plural(en.authRemaining, 'en', 1), 'Signed in. You have 1 recovery code left.');
    assert.equal(plural(en.authRemaining, 'en', 9), 'Signed in. You have 9 recovery codes left.');
    const arabic = (count: number) => plural(ar.authRemaining, 'ar', count).replace(/[\u2068\u2069]/g, '');
    assert.match(arabic(1), /رمز استرداد واحد/);
    assert.match(arabic(2), /رمزا استرداد/);
    const n = (count: number) => new Intl.NumberFormat('ar').format(count); // the digits of Arabic here
    assert.ok(arabic(5).includes(`${n(5)} رموز استرداد`), arabic(5));
    assert.ok(arabic(11).includes(`${n(11)} رمزًا للاسترداد`), arabic(11));
    assert.ok(arabic(100).includes(`${n(100)} رمز استرداد`), arabic(100));
    assert.equal(plural(de.authRemaining, 'de', 1), 'Angemeldet. Sie haben noch 1 Wiederherstellungscode.');
    assert.equal(plural('no forms {count}', 'en', 2), 'no forms {count}');
    assert.equal(plural(en.authRemaining, 'x-pseudo', 1), 'Signed in. You have 1 recovery code left.');
  });
});
