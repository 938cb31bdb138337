// Every shipped locale: a string for every key (TypeScript holds them to `MfaStrings`), each with the
// placeholders its English has — a dropped {phone} or {seconds} would show the member a gap — and
// none left in English.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ar } from '../../src/strings/ar.js';
import { de } from '../../src/strings/de.js';
import { en } from '../../src/strings/en.js';
import { es } from '../../src/strings/es.js';
import { fr } from '../../src/strings/fr.js';
import { ja } from '../../src/strings/ja.js';
import { ptBR } from '../../src/strings/pt-br.js';

const LOCALES = { fr, de, es, 'pt-BR': ptBR, ja, ar };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Strings that are the same in English and the locale on purpose: names, a file name, "SMS". */
const SAME_ON_PURPOSE = new Set(['recoveryFileName', 'methodSms', 'totpQrLabel', 'settingsDefault']);

describe('shipped locales', () => {
  for (const [lang, table] of Object.entries(LOCALES)) {
    it(`${lang}: every key, its placeholders, none left in English`, () => {
      assert.deepEqual(Object.keys(table).sort(), Object.keys(en).sort());
      for (const [key, english] of Object.entries(en)) {
        const text = table[key as keyof typeof en];
        assert.ok(text.trim(), `${lang}.${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(english), `${lang}.${key}: "${text}"`);
        if (!SAME_ON_PURPOSE.has(key)) assert.notEqual(text, english, `${lang}.${key} is still English`);
      }
    });
  }
});
