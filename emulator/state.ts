import type { SigningKey } from './jwt.js';
import { iso, LATEST_MS, offsetFits } from './clock.js';
import { isRecord, own } from './own.js';
import { SEED, type AllowedMfaMethod, type Seed, type SeedOrganization } from './seed.js';
import { InvalidStateError, Table } from './table.js';

export { InvalidStateError };

/** An organization as the emulator keeps it: the seed's fields, and when it was made. */
export interface OrganizationRecord extends SeedOrganization {
  created_at: number;
  /** When an update last changed it (absent until then). */
  updated_at?: number;
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
  /** Roles assigned besides `stytch_member` (see services/rbac.ts); files before roles have none. */
  roles?: string[];
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

/**
 * Everything the emulator remembers. In memory each table is a {@link Table} (a `Map`), so IDs and
 * tokens from requests never reach a plain object; `JSON.stringify(state)` writes the file's form
 * ({@link StateJson}) and {@link migrate} reads it back.
 */
export interface State {
  /** Raised whenever the shape changes; `migrate` brings older files up to date. */
  version: typeof STATE_VERSION;
  clock_offset_seconds: number;
  organizations: Table<OrganizationRecord>;
  members: Table<MemberRecord>;
  sessions: Table<SessionRecord>;
  intermediate_sessions: Table<IntermediateSessionRecord>;
  sms_codes: Table<SmsCodeRecord>;
  magic_links: Table<MagicLinkRecord>;
  /** Send times (ms) per phone number, for the SMS rate limit. */
  sms_sends: Table<number[]>;
  /** Failure times (ms) per member, for the TOTP and recovery-code attempt limit. */
  auth_failures: Table<number[]>;
  sms_outbox: SmsMessage[];
  email_outbox: EmailMessage[];
  /** Signs session JWTs; made on first use (see EmulatorCore.signingKey). */
  signing_key?: SigningKey;
}

/** The state as the data file holds it, and as `emulator.state` shows it: each table a plain object. */
export type StateJson = {
  [K in keyof State]: State[K] extends Table<infer T> ? Record<string, T> : State[K];
};

/** The names of the state's tables. */
type TableName = { [K in keyof State]-?: State[K] extends Table<unknown> ? K : never }[keyof State];

/** Version 2 added magic links and the session-signing key. */
export const STATE_VERSION = 2;

/**
 * A state read from a file (any version this emulator knows) as the emulator runs it: tables made
 * `Map`s from the file's own properties. Null for an unknown version; a state it cannot run from (a
 * clock a `Date` cannot hold, a table that is not an object) is an {@link InvalidStateError} that says
 * what is wrong, rather than an emulator that fails every request.
 */
export function migrate(saved: unknown): State | null {
  if (!isRecord(saved)) throw new InvalidStateError('The state must be a JSON object.');
  const version = own(saved, 'version');
  if (version !== 1 && version !== STATE_VERSION) return null;
  const offset = own(saved, 'clock_offset_seconds');
  if (!offsetFits(offset)) {
    throw new InvalidStateError(
      `clock_offset_seconds is ${shown(offset)}: it must be a number of seconds, zero or more, ` +
        `that keeps the emulator's clock before ${iso(LATEST_MS)}. Set it to 0 to go back to the machine's time.`,
    );
  }
  const table = <T>(name: TableName) =>
    // Version 1 had no magic links.
    Table.fromJSON<T>(version === 1 && name === 'magic_links' ? {} : own(saved, name), name);
  const list = <T>(name: string): T[] => {
    const value = own(saved, name);
    if (!Array.isArray(value)) throw new InvalidStateError(`${name} must be a list of messages.`);
    return value as T[];
  };
  const key = own(saved, 'signing_key');
  if (key !== undefined && !isSigningKey(key)) {
    throw new InvalidStateError('signing_key must be { kid, private_pem }; delete it to make a new one.');
  }
  return {
    version: STATE_VERSION,
    clock_offset_seconds: offset,
    organizations: table('organizations'),
    members: table('members'),
    sessions: table('sessions'),
    intermediate_sessions: table('intermediate_sessions'),
    sms_codes: table('sms_codes'),
    magic_links: table('magic_links'),
    sms_sends: table('sms_sends'),
    auth_failures: table('auth_failures'),
    sms_outbox: list('sms_outbox'),
    email_outbox: list('email_outbox'),
    ...(key ? { signing_key: { kid: key.kid, private_pem: key.private_pem } } : {}),
  };
}

/** A value from a file, as a message shows it. */
function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function isSigningKey(value: unknown): value is SigningKey {
  return (
    isRecord(value) && typeof own(value, 'kid') === 'string' && typeof own(value, 'private_pem') === 'string'
  );
}

/** A copy of the state in the file's form (what `JSON.stringify(state)` writes, as objects). */
export function serializeState(state: State): StateJson {
  return JSON.parse(JSON.stringify(state)) as StateJson;
}

/** The fixed registration id of the seeded TOTP member. */
export const SEED_TOTP_REGISTRATION_ID = 'member-totp-test-5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a06';

/** A fresh state from the seed, with the seed's enrollments in place. */
export function stateFromSeed(seed: Seed = SEED, now = Date.now()): State {
  const state: State = {
    version: STATE_VERSION,
    clock_offset_seconds: 0,
    organizations: new Table(),
    members: new Table(),
    sessions: new Table(),
    intermediate_sessions: new Table(),
    sms_codes: new Table(),
    magic_links: new Table(),
    sms_sends: new Table(),
    auth_failures: new Table(),
    sms_outbox: [],
    email_outbox: [],
  };
  for (const org of seed.organizations) {
    state.organizations.set(org.organization_id, {
      ...org,
      allowed_mfa_methods: [...org.allowed_mfa_methods],
      created_at: now,
    });
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
    state.members.set(m.member_id, {
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
      roles: [...(m.roles ?? [])],
      created_at: now,
      updated_at: now,
    });
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
