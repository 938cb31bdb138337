/**
 * `lang` as Intl takes it, else English: a page may register a locale under any tag (`x-pseudo`),
 * which `Intl.DisplayNames`, `Intl.PluralRules` and `Intl.NumberFormat` would throw on.
 */
export function intlLocale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
