import { createHmac, randomBytes } from 'node:crypto';
import { sameSecret } from './constant-time.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`Not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new TOTP secret: 160 random bits, 32 base32 characters, as Stytch issues. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

export type HashAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** RFC 4226 HOTP. */
export function hotp(key: Buffer, counter: number, digits = 6, algorithm: HashAlgorithm = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac(algorithm, key).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = (digest.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, '0');
}

export const TOTP_PERIOD_SECONDS = 30;

export function totpStep(timeMs: number, period = TOTP_PERIOD_SECONDS): number {
  return Math.floor(timeMs / 1000 / period);
}

/** RFC 6238 TOTP for a base32 secret (SHA-1, 6 digits, 30 s unless told otherwise). */
export function totp(secret: string, timeMs: number, digits = 6, algorithm: HashAlgorithm = 'sha1'): string {
  return hotp(base32Decode(secret), totpStep(timeMs), digits, algorithm);
}

/**
 * The time step a code belongs to, within ±`window` steps of `timeMs`, or null. Every candidate is
 * compared, each in constant time, so the time taken does not reveal which step (or how much) matched.
 */
export function matchTotpStep(secret: string, code: string, timeMs: number, window = 1): number | null {
  const key = base32Decode(secret);
  const current = totpStep(timeMs);
  let matched: number | null = null;
  for (let step = current - window; step <= current + window; step++) {
    if (sameSecret(code, hotp(key, step)) && matched === null) matched = step;
  }
  return matched;
}
