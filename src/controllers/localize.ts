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
 * Strings for an element: its `strings` overrides, then its language's table, then the English it
 * was given (its own part of the table, so a page loads only the English of the elements it shows).
 * Loads a built-in locale on first use and updates the element when it arrives.
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
    const template =
      this.host.strings?.[key] ??
      localeTable(this.lang)?.[key] ??
      this.english[key] ??
      laterEnglishFor(key) ??
      key;
    return format(template, values, resolveLang(this.host));
  }
}
