import { randomBytes, randomInt, randomUUID } from 'node:crypto';

/** Stytch-shaped identifiers (`request-id-test-<uuid>`, `member-session-test-<uuid>`, …). */
export function testId(prefix: string): string {
  return `${prefix}-test-${randomUUID()}`;
}

/** An opaque 44-character token, as Stytch's session tokens are. */
export function opaqueToken(): string {
  return randomBytes(33).toString('base64url');
}

/** A numeric one-time code of `length` digits, uniformly random. */
export function numericCode(length = 6): string {
  let code = '';
  for (let i = 0; i < length; i++) code += String(randomInt(10));
  return code;
}

const RECOVERY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A recovery code in Stytch's `xxxx-xxxx-xxxx` form. */
export function recoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
