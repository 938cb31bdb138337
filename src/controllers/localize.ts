import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  format,
  laterEnglishFor,
  localeTable,
  matchLocale,
  onLocalesChanged,
  type MfaStrings,
  type StringKey,
} from '../strings/locales.js';

export interface LocalizedHost extends ReactiveControllerHost, HTMLElement {
  /** Per-element overrides of any string. */
  strings?: Partial<MfaStrings>;
}

/**
 * A message kept as what words it (its key and the values to fill in), not as text: each render
 * words it again, in the language in force then. '' for none.
 */
export type Words = (() => string) | '';

/** The text of a message now. */
export const wordsNow = (words: Words): string => (words ? words() : '');

/** The `lang` in force for an element: its own, else the nearest ancestor's (across shadow roots). */
export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') || 'en';
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || 'en';
}

/**
 * A key with no English loaded: a bug (the code that shows it forgot to load its English). The member
 * sees no raw key; a page in development (Lit's dev mode) is warned.
 */
function missing(key: string): string {
  if ((globalThis as { litIssuedWarnings?: unknown }).litIssuedWarnings) {
    console.warn(`stytch-mfa-elements: no English is loaded for the string "${key}"`);
  }
  return '';
}

/**
 * A string a table really has: not absent, and not blank (how translation tools export an entry not
 * translated yet), which would show the member nothing.
 */
const usable = (text: unknown): text is string => typeof text === 'string' && text.trim() !== '';

/**
 * An error message's key (`errorWrongCode`): without words of its own it reads as the generic error
 * (in the page's language if it has one; its English loads with every error's, before any call can
 * fail).
 */
const isErrorKey = (key: string): boolean => /^error[A-Z]/.test(key);

/**
 * Strings for an element: its `strings` overrides, then its language's table, then the English it
 * was given (its own part of the table, so a page loads only the English of the elements it shows).
 * A string absent or blank in one falls through to the next (so a blank override cannot hide a
 * string: hide its part with CSS); an error message with no words reads as the generic error. Loads a built-in locale on first use and updates the element
 * when it arrives.
 */
export class LocalizeController implements ReactiveController {
  private unsubscribe?: () => void;

  constructor(
    private readonly host: LocalizedHost,
    private readonly english: Partial<MfaStrings>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = onLocalesChanged(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }

  /** The locale in use (a registered one), e.g. `fr` for `lang="fr-CA"`. */
  get lang(): string {
    return matchLocale(resolveLang(this.host)) ?? 'en';
  }

  t(key: StringKey, values?: Record<string, string | number>): string {
    const template = this.find(key) ?? ((isErrorKey(key) && this.find('errorGeneric')) || missing(key));
    return format(template, values, resolveLang(this.host));
  }

  /** The first usable string for `key`: the overrides, the language's table, then English. */
  private find(key: StringKey): string | undefined {
    return [
      this.host.strings?.[key],
      localeTable(this.lang)?.[key],
      this.english[key],
      laterEnglishFor(key),
    ].find(usable);
  }
}
