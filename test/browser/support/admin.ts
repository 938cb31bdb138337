// Signing seeded members in with a full session (the admin elements need one), and the admin
// elements' controls as a member finds them.
import { login, testClient } from './client.js';
import { emulatorNowMs, lastSmsCode, ORGANIZATION_IDS, SEED } from './emulator.js';
import { totpCode } from './totp.js';

/** The seeded admins (role `stytch_admin`). */
export const ADMINS = { acme: 'admin@acme.test', initech: 'admin@initech.test' } as const;

/**
 * A full session for a seeded member through the page's SDK client: the password, then their
 * second step if their organization asks for one (their authenticator, else a code by SMS).
 */
export async function signInFully(email: string, organizationId: string = ORGANIZATION_IDS.acme) {
  const client = testClient();
  const primary = await login(email, organizationId);
  if (primary.member_authenticated) return primary;
  const seeded = SEED.members.find((m) => m.email_address === email && m.organization_id === organizationId);
  if (!seeded) throw new Error(`${email} is not in the seed`);
  const ids = { organization_id: organizationId, member_id: primary.member_id, session_duration_minutes: 60 };
  if (seeded.totp_secret) {
    await client.totp.authenticate({ ...ids, code: totpCode(seeded.totp_secret, await emulatorNowMs()) });
  } else if (seeded.mfa_phone_number) {
    if (primary.mfa_required?.secondary_auth_initiated !== 'sms_otp') {
      await client.otps.sms.send({ organization_id: organizationId, member_id: primary.member_id });
    }
    await client.otps.sms.authenticate({ ...ids, code: await lastSmsCode(seeded.mfa_phone_number) });
  } else {
    throw new Error(`${email} has no second step to sign in with`);
  }
  return primary;
}

/** A control in an element's shadow root by its part (and, for a member's row, the member). */
export function part<T extends HTMLElement = HTMLElement>(host: Element, name: string): T | null {
  return host.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

export function memberRow(host: Element, memberId: string): HTMLElement | null {
  return host.shadowRoot!.querySelector<HTMLElement>(`[part~="member"][data-member-id="${memberId}"]`);
}

export const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * The client with some RBAC answers turned to "no": its `rbac.isAuthorized*` says false for each
 * `[resource, action]` given, and the real SDK answers everything else and makes every call. The
 * emulator's RBAC policy has only Stytch's two default roles (no custom role a test could give a
 * member), so this is how a test shows an element what a narrower role would see.
 */
export function withoutPermissions<C extends { rbac: object }>(
  client: C,
  denied: readonly (readonly [resource: string, action: string])[],
): C {
  const rbac = client.rbac as {
    isAuthorized(resource: string, action: string): Promise<boolean>;
    isAuthorizedSync(resource: string, action: string): boolean;
  };
  const refused = (resource: string, action: string) =>
    denied.some(([r, a]) => r === resource && a === action);
  const narrowed = {
    isAuthorized: (resource: string, action: string) =>
      refused(resource, action) ? Promise.resolve(false) : rbac.isAuthorized(resource, action),
    isAuthorizedSync: (resource: string, action: string) =>
      refused(resource, action) ? false : rbac.isAuthorizedSync(resource, action),
  };
  return new Proxy(client, {
    get: (target, key) => {
      if (key === 'rbac') return narrowed;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
