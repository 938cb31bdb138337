import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether a secret someone sent (a code, a password, a credential) is the one expected, in a time that
 * says nothing about either: both are hashed to 32 bytes first, so `timingSafeEqual` always compares
 * equal lengths and neither how much of a guess was right nor the secret's length shows in the time.
 * Every secret check in the emulator goes through here.
 */
export function sameSecret(sent: string, expected: string): boolean {
  return timingSafeEqual(digest(sent), digest(expected));
}
