// Small helpers the demo's modules share: an element with its text, and an authenticator's code.
import { Secret, TOTP } from 'otpauth';

/** A `tag` element holding `text` (as text, never markup), with an optional class. */
export function textElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  className = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** The TOTP code (SHA-1, 6 digits, 30 s, as Stytch's) a base32 `secret` gives at `timestampMs`. */
export function totpCode(secret: string, timestampMs: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: timestampMs,
  });
}

/**
 * The kit's elements speak the chosen language; the demo's own text stays English. `lang` and, for a
 * right-to-left language, `dir` go on each element the demo places, with `sign-in-url`.
 */
export function speak<T extends HTMLElement>(element: T): T {
  const lang = new URLSearchParams(location.search).get('lang') ?? 'en';
  element.lang = lang;
  element.dir = ['ar', 'he', 'fa', 'ur'].includes(lang.split('-')[0]!) ? 'rtl' : 'ltr';
  // An expired or missing sign-in ends with a link back to the member list (with the page's settings,
  // without a magic link's token), not a dead end.
  const back = new URL(location.href);
  for (const name of ['stytch_token_type', 'token']) back.searchParams.delete(name);
  element.setAttribute('sign-in-url', back.pathname + back.search);
  return element;
}

/**
 * The manifest's text as nodes: each `quoted` span becomes a <code> element, the rest plain text
 * (never markup: a description is not trusted as HTML). An unpaired backtick stays as it is.
 */
export function richText(source: string): Node[] {
  const pieces = source.split('`');
  if (pieces.length % 2 === 0) return [document.createTextNode(source)];
  return pieces
    .map((piece, i) => (i % 2 ? textElement('code', piece) : document.createTextNode(piece)))
    .filter((node) => node.textContent !== '' || node instanceof HTMLElement);
}

/** The demo's options every page keeps: the language, the theme, where calls go. */
const KEPT_OPTIONS = ['lang', 'theme', 'mode'] as const;

/** A same-page link (`./`, `?page=…`) with the page's own options carried over. */
export function keepOptions(href: string): string {
  const here = new URLSearchParams(location.search);
  const url = new URL(href, location.href);
  for (const name of KEPT_OPTIONS) {
    const value = here.get(name);
    if (value !== null && !url.searchParams.has(name)) url.searchParams.set(name, value);
  }
  return url.pathname + url.search;
}
