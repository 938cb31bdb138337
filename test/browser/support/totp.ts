// An independent TOTP implementation (the otpauth package), so tests do not grade the emulator with
// its own code.
import { Secret, TOTP } from 'otpauth';

export function totpCode(secret: string, timestampMs: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: timestampMs,
  });
}
