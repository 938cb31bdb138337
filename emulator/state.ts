import type { SigningKey } from './jwt.js';
import { SEED, type AllowedMfaMethod, type Seed, type SeedOrganization } from './seed.js';

/** An organization as the emulator keeps it: the seed's fields, and when it was made. */
export interface OrganizationRecord extends SeedOrganization {
  created_at: number;
}

export interface TotpRecord {
  totp_registration_id: string;
  secret: string;
  status: 'pending' | 'active';
  /** When a pending registration stops being usable (ms). */
  expires_at: number;
  /** The last time step accepted: a code from that step or earlier is not accepted again. */
  last_step: number | null;
  recovery_codes: string[];
}

export interface MemberRecord {
  member_id: string;
  organization_id: string;
  email_address: string;
  name: string;
  password: string;
  status: 'active' | 'pending' | 'invited';
  mfa_enrolled: boolean;
  mfa_phone_number: string;
  mfa_phone_number_verified: boolean;
  phone_id: string;
  default_mfa_method: '' | AllowedMfaMethod;
  totp: TotpRecord | null;
  untrusted_metadata: Record<string, unknown>;
  created_at: number;
  updated_at: number;
}

export interface FactorRecord {
  type: 'password' | 'magic_link' | 'otp' | 'totp' | 'recovery_codes';
  at: number;
  /** Phone number or TOTP registration, for the factor's detail object. */
  ref?: string;
}

export interface SessionRecord {
  member_session_id: string;
  member_id: string;
  organization_id: string;
  session_token: string;
  started_at: number;
  last_accessed_at: number;
  expires_at: number;
  factors: FactorRecord[];
}

export interface IntermediateSessionRecord {
  token: string;
  member_id: string;
  organization_id: string;
  expires_at: number;
  factors: FactorRecord[];
}

export interface SmsCodeRecord {
  member_id: string;
  phone_number: string;
  code: string;
  expires_at: number;
  failed_attempts: number;
}

export interface MagicLinkRecord {
  token: string;
  member_id: string;
  organization_id: string;
  expires_at: number;
  used: boolean;
}

export interface SmsMessage {
  to: string;
  body: string;
  code: string;
  sent_at: string;
}

export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
  link: string;
  sent_at: string;
}

/** Everything the emulator remembers; plain JSON so it can be written to a file and read back. */
export interface State {
  /** Raised whenever the shape changes; `migrate` brings older files up to date. */
  version: typeof STATE_VERSION;
  clock_offset_seconds: number;
  organizations: Record<string, OrganizationRecord>;
  members: Record<string, MemberRecord>;
  sessions: Record<string, SessionRecord>;
  intermediate_sessions: Record<string, IntermediateSessionRecord>;
  sms_codes: Record<string, SmsCodeRecord>;
  magic_links: Record<string, MagicLinkRecord>;
  /** Send times (ms) per phone number, for the SMS rate limit. */
  sms_sends: Record<string, number[]>;
  /** Failure times (ms) per member, for the TOTP and recovery-code attempt limit. */
  auth_failures: Record<string, number[]>;
  sms_outbox: SmsMessage[];
  email_outbox: EmailMessage[];
  /** Signs session JWTs; made on first use (see EmulatorCore.signingKey). */
  signing_key?: SigningKey;
}

/** Version 2 added magic links and the session-signing key. */
export const STATE_VERSION = 2;

/** A state read from a file of an earlier version, brought up to date; null for an unknown version. */
export function migrate(saved: Record<string, unknown>): State | null {
  if (saved.version === 1) {
    saved.magic_links ??= {};
    saved.version = STATE_VERSION;
  }
  return saved.version === STATE_VERSION ? (saved as unknown as State) : null;
}

/** The fixed registration id of the seeded TOTP member. */
export const SEED_TOTP_REGISTRATION_ID = 'member-totp-test-5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a06';

/** A fresh state from the seed, with the seed's enrollments in place. */
export function stateFromSeed(seed: Seed = SEED, now = Date.now()): State {
  const state: State = {
    version: STATE_VERSION,
    clock_offset_seconds: 0,
    organizations: {},
    members: {},
    sessions: {},
    intermediate_sessions: {},
    sms_codes: {},
    magic_links: {},
    sms_sends: {},
    auth_failures: {},
    sms_outbox: [],
    email_outbox: [],
  };
  for (const org of seed.organizations) {
    state.organizations[org.organization_id] = {
      ...org,
      allowed_mfa_methods: [...org.allowed_mfa_methods],
      created_at: now,
    };
  }
  for (const m of seed.members) {
    const totp: TotpRecord | null = m.totp_secret
      ? {
          totp_registration_id: SEED_TOTP_REGISTRATION_ID,
          secret: m.totp_secret,
          status: 'active',
          expires_at: 0,
          last_step: null,
          recovery_codes: [...m.recovery_codes],
        }
      : null;
    state.members[m.member_id] = {
      member_id: m.member_id,
      organization_id: m.organization_id,
      email_address: m.email_address,
      name: m.name,
      password: m.password,
      status: 'active',
      mfa_enrolled: Boolean(m.mfa_phone_number || totp),
      mfa_phone_number: m.mfa_phone_number,
      mfa_phone_number_verified: Boolean(m.mfa_phone_number),
      phone_id: m.mfa_phone_number ? `phone-number-test-${m.member_id.slice(-12)}` : '',
      default_mfa_method: totp ? 'totp' : m.mfa_phone_number ? 'sms_otp' : '',
      totp,
      untrusted_metadata: {},
      created_at: now,
      updated_at: now,
    };
  }
  return state;
}

/** Does the member hold a factor that MFA can use (a verified phone or an active TOTP)? */
export function hasActiveFactor(member: MemberRecord): boolean {
  return (
    (member.mfa_phone_number !== '' && member.mfa_phone_number_verified) || member.totp?.status === 'active'
  );
}

export function isMethodAllowed(org: OrganizationRecord, method: AllowedMfaMethod): boolean {
  return org.mfa_methods !== 'RESTRICTED' || org.allowed_mfa_methods.includes(method);
}
