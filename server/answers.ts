// What the browser may be told of Stytch's answers, built field by field: the member, organization
// and session fields the elements read (and hosts' pages get in the elements' events). A field Stytch
// adds later, metadata the host keeps, the tokens: none is copied unless named here. The member's
// phone number goes out masked: the page shows it, it never needs it whole.
import { unusable } from './errors.js';

type Json = Record<string, unknown>;

const MEMBER = [
  'organization_id',
  'member_id',
  'email_address',
  'email_address_verified',
  'status',
  'name',
  'mfa_enrolled',
  'mfa_phone_number',
  'mfa_phone_number_verified',
  'default_mfa_method',
  'totp_registration_id',
] as const;

const ORGANIZATION = [
  'organization_id',
  'organization_name',
  'organization_slug',
  'organization_logo_url',
  'mfa_policy',
  'mfa_methods',
  'allowed_mfa_methods',
] as const;

const MEMBER_SESSION = [
  'member_session_id',
  'member_id',
  'organization_id',
  'organization_slug',
  'started_at',
  'last_accessed_at',
  'expires_at',
  'roles',
] as const;

const FACTOR = [
  'type',
  'delivery_method',
  'last_authenticated_at',
  'created_at',
  'updated_at',
  'sequence_order',
] as const;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A plain value (string, number, boolean, null, a list of strings) or nothing. */
function plain(value: unknown): unknown {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return [...value];
  return undefined;
}

/** The named own fields of `source` that hold plain values; nothing else. */
function pick(source: Json, names: readonly string[]): Json {
  const out: Json = {};
  for (const name of names) {
    const value = Object.hasOwn(source, name) ? plain(source[name]) : undefined;
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** A field of Stytch's answer, if Stytch sent it (own, never inherited). */
export function field(source: unknown, name: string): unknown {
  return isObject(source) && Object.hasOwn(source, name) ? source[name] : undefined;
}

const text = (source: unknown, name: string): string | undefined => {
  const value = field(source, name);
  return typeof value === 'string' ? value : undefined;
};

/**
 * Stytch's answer if it is a success: the `stytch` package returns any answer below 400 (a redirect
 * too) as if it were one, so the status Stytch writes in every body is checked here.
 */
export function success(answer: unknown): Json {
  const status = field(answer, 'status_code');
  if (!isObject(answer) || typeof status !== 'number' || status < 200 || status > 299) throw unusable();
  return answer;
}

/**
 * A phone number as the elements show it: the leading `+` and first digit and the last three digits,
 * the rest hidden (`+14155551234` → `+1•••••••234`); `''` stays `''` (no number).
 */
export function maskedPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 5) return '•'.repeat(digits.length);
  return `+${digits[0]}${'•'.repeat(digits.length - 4)}${digits.slice(-3)}`;
}

/** Whether a phone number came from an answer of ours (masked): it stands for the number on file. */
export const isMasked = (phone: string) => phone.includes('•');

export function member(answer: Json): Json {
  const value = field(answer, 'member');
  if (!isObject(value) || !text(value, 'member_id')) throw unusable();
  const out = pick(value, MEMBER);
  if (Object.hasOwn(out, 'mfa_phone_number')) {
    const phone = out.mfa_phone_number;
    if (typeof phone === 'string') out.mfa_phone_number = maskedPhone(phone);
    else delete out.mfa_phone_number;
  }
  return out;
}

export function organization(answer: Json): Json {
  const value = field(answer, 'organization');
  if (!isObject(value) || !text(value, 'organization_id')) throw unusable();
  return pick(value, ORGANIZATION);
}

export function memberSession(answer: Json): Json | null {
  const value = field(answer, 'member_session');
  if (!isObject(value)) return null;
  const factors = field(value, 'authentication_factors');
  return {
    ...pick(value, MEMBER_SESSION),
    authentication_factors: Array.isArray(factors)
      ? factors.filter(isObject).map((factor) => pick(factor, FACTOR))
      : [],
  };
}

/** The member and organization an answer is about: what every success of the handler carries. */
export function who(answer: Json) {
  const m = member(answer);
  return { member_id: m.member_id as string, member: m, organization: organization(answer) };
}

/** A strings-only list field (recovery codes), or a failure when Stytch sent none. */
export function strings(answer: Json, name: string): string[] {
  const value = field(answer, name);
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw unusable();
  return [...value];
}

export function requiredText(answer: Json, name: string): string {
  const value = text(answer, name);
  if (value === undefined) throw unusable();
  return value;
}

/** The session a factor made, for the host to store; a success without one is no success. */
export function newSession(answer: Json) {
  const session_token = text(answer, 'session_token');
  const session_jwt = text(answer, 'session_jwt');
  const member_session = field(answer, 'member_session');
  if (!session_token || !session_jwt || !isObject(member_session)) throw unusable();
  return { session_token, session_jwt, member_session };
}
