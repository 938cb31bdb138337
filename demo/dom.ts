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
