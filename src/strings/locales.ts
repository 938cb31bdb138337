import type { MfaStrings, StringKey } from './en.js';

type Loader = () => Promise<Partial<MfaStrings>>;

// English needs no table here: each element carries its own English as the last fallback. A table
// registered for `en` overrides it.
const loaded = new Map<string, Partial<MfaStrings>>([['en', {}]]);
const loaders = new Map<string, Loader>();
/** The loaders of the shipped locales (strings/built-in.ts), fetched on the first non-English tag. */
let builtIn: Promise<void> | undefined;
const pending = new Map<string, Promise<void>>();
/** English that loads with the code that needs it (the messages of Stytch's errors). */
const laterEnglish: Partial<MfaStrings> = {};
const listeners = new Set<() => void>();
const notify = (): void => listeners.forEach((listener) => listener());
/** Watches the page for a changed `lang` (an element's own or an ancestor's), once anything listens. */
let langWatch: MutationObserver | undefined;

/**
 * Adds (or replaces) a locale: a table, or a function that loads one when first needed. Missing keys
 * fall back to English. Elements already showing that language update.
 */
export function registerLocale(lang: string, strings: Partial<MfaStrings> | Loader): void {
  const key = lang.toLowerCase();
  if (typeof strings === 'function') {
    loaders.set(key, strings);
    loaded.delete(key);
  } else {
    loaded.set(key, strings);
  }
  notify();
}

/** Adds English defaults that arrived with lazily loaded code; elements fall back to them last. */
export function addEnglish(strings: Partial<MfaStrings>): void {
  Object.assign(laterEnglish, strings);
}

/** English loaded later than the element (see {@link addEnglish}), for a key. */
export function laterEnglishFor(key: StringKey): string | undefined {
  return laterEnglish[key];
}

/**
 * Calls back when a locale is registered or finishes loading, or a `lang` attribute changes in the
 * page's light DOM (not inside another component's shadow root); returns the unsubscribe.
 */
export function onLocalesChanged(listener: () => void): () => void {
  listeners.add(listener);
  if (!langWatch) {
    langWatch = new MutationObserver(notify);
    langWatch.observe(document, { attributeFilter: ['lang'], subtree: true });
  }
  return () => listeners.delete(listener);
}

/**
 * The best registered match for a BCP 47 tag (`fr-CA` → `fr`), or null. The first tag that is not
 * English fetches the shipped locales' loaders; listeners hear when they arrive.
 */
export function matchLocale(lang: string): string | null {
  const tag = lang.toLowerCase();
  for (const candidate of [tag, tag.split('-')[0]!]) {
    if (loaded.has(candidate) || loaders.has(candidate)) return candidate;
  }
  builtIn ??= import('./built-in.js').then(
    ({ builtInLocales }) => {
      for (const [key, loader] of Object.entries(builtInLocales)) {
        if (!loaded.has(key) && !loaders.has(key)) loaders.set(key, loader);
      }
      notify();
    },
    () => (builtIn = undefined), // the network: tried again on the next tag
  );
  return null;
}

/** The table for a locale if it is loaded; starts loading it otherwise (listeners hear when done). */
export function localeTable(lang: string): Partial<MfaStrings> | undefined {
  const table = loaded.get(lang);
  if (table) return table;
  const loader = loaders.get(lang);
  if (loader && !pending.has(lang)) {
    pending.set(
      lang,
      loader()
        .then((strings) => {
          loaded.set(lang, strings);
          notify();
        })
        .catch((error: unknown) =>
          console.error(`stytch-mfa-elements: could not load the "${lang}" strings`, error),
        )
        .finally(() => pending.delete(lang)),
    );
  }
  return undefined;
}

/** Fills `{name}` placeholders; a number is written as `lang` writes it (`٦` in `ar-EG`). */
export function format(
  template: string,
  values: Record<string, string | number> | undefined,
  lang: string,
): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    // Intl's first use costs 10–25 ms on a fresh page (it loads locale data): the shipped locales
    // that write Latin digits skip it, so a first step with a number in it stays fast.
    if (typeof value === 'number' && !/^(en|fr|de|es|pt|ja)\b/i.test(lang)) {
      try {
        return new Intl.NumberFormat(lang).format(value);
      } catch {
        // a locale registered under a tag Intl refuses (`x-pseudo`): plain digits
      }
    }
    return name in values ? String(value) : whole;
  });
}

export type { MfaStrings, StringKey };
