import type { Caller, EmulatorCore, MfaProof } from '../core.js';
import { errors } from '../errors.js';
import { readBody, type Infer, type Schema } from '../schema.js';
import { hasActiveFactor, isMethodAllowed, type MemberRecord } from '../state.js';
import type { MfaMethod } from '../seed.js';

const TARGET = {
  organization_id: 'string',
  member_id: 'string',
  intermediate_session_token: 'string?',
} as const;

/**
 * What every SMS and TOTP route checks first: the body, the member, that the organization allows the
 * method, and what proves the member is mid-login or signed in. `authenticate` routes need that proof;
 * `send`/`create` need it only once the member has an active factor (so a factor cannot be added by
 * someone who merely knows the member's ID).
 */
export function mfaRequest<S extends Schema>(
  core: EmulatorCore,
  body: unknown,
  caller: Caller,
  method: MfaMethod,
  fields: S,
  kind: 'start' | 'authenticate',
): { b: Infer<typeof TARGET> & Infer<S>; member: MemberRecord; proof: MfaProof } {
  const b = readBody(body, { ...TARGET, ...fields }) as Infer<typeof TARGET> & Infer<S>;
  const member = core.member(b.organization_id, b.member_id);
  if (!isMethodAllowed(core.organization(member.organization_id), method)) throw errors.methodRestricted();
  const proof = core.mfaProof(caller, b.intermediate_session_token, member);
  if (proof.kind === 'none' && (kind === 'authenticate' || hasActiveFactor(member))) {
    throw errors.noSessionArguments();
  }
  return { b, member, proof };
}

/** The fields of SMS and TOTP `authenticate`. */
export const AUTHENTICATE_FIELDS = {
  code: 'string',
  session_duration_minutes: 'number?',
  set_mfa_enrollment: 'string?',
  set_default_mfa: 'boolean?',
} as const;
