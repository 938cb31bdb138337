// The locales the kit ships, each table its own chunk. This list itself loads only when a page asks
// for a language other than English (see locales.ts), so English pages pay for none of it.
import type { MfaStrings } from './en.js';

type Loader = () => Promise<Partial<MfaStrings>>;

const ptBR: Loader = () => import('./pt-br.js').then((m) => m.ptBR);

/** By lowercase BCP 47 tag; `pt` (Portugal, and Portuguese unqualified) gets Brazilian Portuguese. */
export const builtInLocales: Record<string, Loader> = {
  fr: () => import('./fr.js').then((m) => m.fr),
  de: () => import('./de.js').then((m) => m.de),
  es: () => import('./es.js').then((m) => m.es),
  'pt-br': ptBR,
  pt: ptBR,
  ja: () => import('./ja.js').then((m) => m.ja),
  ar: () => import('./ar.js').then((m) => m.ar),
};
