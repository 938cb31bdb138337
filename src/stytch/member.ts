import type { B2BAuthenticateResponseWithMFA, Member, MfaClient, Organization } from './types.js';

/** The part of a primary `authenticate()` response the kit reads. */
export type AuthResponse = Pick<B2BAuthenticateResponseWithMFA, 'member_id' | 'member' | 'organization'> &
  Partial<Pick<B2BAuthenticateResponseWithMFA, 'member_authenticated' | 'mfa_required' | 'member_session'>>;

export interface Who {
  organizationId: string;
  memberId: string;
  member: Member | null;
  organization: Organization | null;
}

/**
 * Who is authenticating: attributes first, then the primary-auth response, then the client's signed-in
 * member (optional enrollment and step-up happen with a full session).
 */
export function resolveWho(
  attrs: { organizationId: string; memberId: string },
  response: AuthResponse | null | undefined,
  client: MfaClient | null,
): Who {
  const member = response?.member ?? client?.self.getSync() ?? null;
  const organization = response?.organization ?? client?.organization.getSync() ?? null;
  return {
    organizationId: attrs.organizationId || organization?.organization_id || member?.organization_id || '',
    memberId: attrs.memberId || response?.member_id || member?.member_id || '',
    member,
    organization,
  };
}

/**
 * A signed-in client's session (as after a reload) as a primary-auth answer that needs no MFA; null
 * when the client holds no session.
 */
export function sessionAnswer(client: MfaClient): AuthResponse | null {
  const member_session = client.session.getSync();
  const member = client.self.getSync();
  const organization = client.organization.getSync();
  return member_session && member && organization
    ? { member_id: member.member_id, member, organization, member_authenticated: true, member_session }
    : null;
}

/**
 * A phone number with all but the leading `+` and first digit and the last three digits hidden:
 * `+14155551234` → `+1•••••••234`. What events and status text show of a member's number. A number
 * that is masked already (backend mode: the host's server never sends it whole) is shown as it is.
 */
export function maskPhone(e164: string): string {
  if (e164.includes('•')) return e164;
  const digits = e164.replace(/\D/g, '');
  if (digits.length < 5) return '•'.repeat(digits.length);
  return `+${digits[0]}${'•'.repeat(digits.length - 4)}${digits.slice(-3)}`;
}
