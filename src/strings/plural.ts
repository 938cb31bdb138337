import { intlLocale } from './intl.js';

/**
 * The plural forms in a string: `{count, plural, one {# code} other {# codes}}`, the form chosen by
 * `Intl.PluralRules` for the language (`zero`, `one`, `two`, `few`, `many`, `other`; an exact `=N`
 * first), and `#` written by `Intl.NumberFormat`. A string without plural forms comes back as it was.
 * Loaded with the code that counts something (a recovery code's step), not with every element.
 */
export function plural(text: string, lang: string, count: number): string {
  const locale = intlLocale(lang);
  return text.replace(/\{\w+, plural,((?:\s*=?\w+ \{[^{}]*\})+)\s*\}/g, (_whole, forms: string) => {
    const form = new Map([...forms.matchAll(/(=?\w+) \{([^{}]*)\}/g)].map((m) => [m[1]!, m[2]!]));
    const chosen =
      form.get(`=${count}`) ??
      form.get(new Intl.PluralRules(locale).select(count)) ??
      form.get('other') ??
      '';
    return chosen.replace(/#/g, new Intl.NumberFormat(locale).format(count));
  });
}
