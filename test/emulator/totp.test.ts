import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base32Decode, base32Encode, hotp, matchTotpStep, totp } from '../../emulator/totp.js';

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238, SHA-1)', () => {
  for (const [seconds, expected] of VECTORS) {
    it(`T=${seconds} gives ${expected}`, () => {
      assert.equal(totp(RFC_SECRET, seconds * 1000, 8), expected);
    });
  }

  it('matches the RFC 4226 HOTP vectors', () => {
    const key = Buffer.from('12345678901234567890');
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expected.forEach((code, counter) => assert.equal(hotp(key, counter), code));
  });

  it('round-trips base32 and ignores spaces, dashes and case', () => {
    const bytes = Buffer.from('any bytes at all!');
    assert.deepEqual(base32Decode(base32Encode(bytes)), bytes);
    assert.deepEqual(base32Decode('jbsw y3dp-ehpk 3pxp'), base32Decode('JBSWY3DPEHPK3PXP'));
  });

  it('accepts the step before and after, and no further', () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    for (const offset of [-1, 0, 1]) {
      assert.equal(matchTotpStep(secret, totp(secret, now + offset * 30_000), now), step + offset);
    }
    assert.equal(matchTotpStep(secret, totp(secret, now - 2 * 30_000), now), null);
    assert.equal(matchTotpStep(secret, totp(secret, now + 2 * 30_000), now), null);
  });
});
