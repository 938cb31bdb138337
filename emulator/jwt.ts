import {
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  generateKeyPairSync,
} from 'node:crypto';
import { isRecord, own } from './own.js';

/** The key that signs session JWTs; kept in the state so a restart with `--data` keeps verifying. */
export interface SigningKey {
  kid: string;
  /** PKCS#8 PEM. */
  private_pem: string;
}

export function newSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { kid: `jwk-test-${Date.now().toString(36)}`, private_pem: pem };
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An RS256 JWT of `claims`, as Stytch signs session JWTs. */
export function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  const head = `${b64url({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${b64url(claims)}`;
  const signature = createSign('RSA-SHA256').update(head).sign(createPrivateKey(key.private_pem));
  return `${head}.${signature.toString('base64url')}`;
}

/**
 * The claims of a JWT this key signed, or null when it is not one (malformed, another key, a bad
 * signature). Expiry is the caller's rule: Stytch accepts an expired JWT whose session is alive.
 */
export function verifyJwt(key: SigningKey, jwt: string): Record<string, unknown> | null {
  const parts = jwt.split('.');
  if (parts.length !== 3) return null;
  const [head, body, signature] = parts as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as unknown;
    if (!isRecord(header) || own(header, 'alg') !== 'RS256' || own(header, 'kid') !== key.kid) return null;
    const ok = createVerify('RSA-SHA256')
      .update(`${head}.${body}`)
      .verify(createPublicKey(key.private_pem), Buffer.from(signature, 'base64url'));
    if (!ok) return null;
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    return isRecord(claims) ? claims : null;
  } catch {
    return null;
  }
}

/** The public half as a JSON Web Key Set (`GET /v1/b2b/sessions/jwks/{project_id}`). */
export function jwks(key: SigningKey): { keys: Record<string, unknown>[] } {
  const jwk = createPublicKey(key.private_pem).export({ format: 'jwk' });
  return { keys: [{ ...jwk, kid: key.kid, alg: 'RS256', use: 'sig', key_ops: ['verify'] }] };
}
