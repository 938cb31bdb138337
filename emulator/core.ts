import { Clock, iso, LATEST_MS, offsetFits } from './clock.js';
import { errors } from './errors.js';
import { Faults } from './faults.js';
import { opaqueToken, testId } from './ids.js';
import { newSigningKey, verifyJwt, type SigningKey } from './jwt.js';
import type { ResolvedOptions } from './options.js';
import { isRecord, own } from './own.js';
import { sessionJwt, toMember, toMemberSession, toOrganization } from './serialize.js';
import {
  stateFromSeed,
  type FactorRecord,
  type IntermediateSessionRecord,
  type MemberRecord,
  type OrganizationRecord,
  type SessionRecord,
  type State,
} from './state.js';

export const MIN_SESSION_MINUTES = 5;
export const MAX_SESSION_MINUTES = 527040;

/**
 * Who is calling. On the SDK routes: the public token, and the session token its Basic credentials
 * carry, if any. On the backend routes (the project's secret) there is neither: session arguments
 * come in the body.
 */
export interface Caller {
  publicToken: string;
  /** The session token sent (the SDK's Basic password, when it differs from the public token). */
  sessionToken?: string;
  /** The live session it names, or null when none was sent or it is dead. */
  session: SessionRecord | null;
}

/** The ways a request names the member's login: Stytch takes at most one. */
export interface SessionArgs {
  intermediate_session_token?: string | undefined;
  session_token?: string | undefined;
  session_jwt?: string | undefined;
}

/** What proves the member is mid-login or signed in, for the MFA routes. */
export type MfaProof =
  | { kind: 'ist'; ist: IntermediateSessionRecord }
  | { kind: 'session'; session: SessionRecord }
  | { kind: 'none' };

/** The emulator's state and the rules shared by its routes. */
export class EmulatorCore {
  state: State;
  readonly clock = new Clock();
  /** Failures injected through `/__emulator/faults` (not part of the saved state). */
  readonly faults = new Faults();
  /** Session tokens to session IDs: a session check looks one up instead of scanning them all. */
  private readonly sessionsByToken = new Map<string, string>();
  private lastPrune = 0;

  constructor(
    readonly options: ResolvedOptions,
    state?: State,
  ) {
    this.state = state ?? stateFromSeed(options.seed);
    this.clock.offsetSeconds = this.state.clock_offset_seconds;
    this.indexSessions();
  }

  /** Back to the seed: outboxes, faults and clock offset cleared. */
  reset(): void {
    this.faults.clear();
    // The signing key outlives a reset: hosts cache the JWKS, and a key is slow to make.
    const key = this.state.signing_key;
    this.state = stateFromSeed(this.options.seed);
    if (key) this.state.signing_key = key;
    this.clock.offsetSeconds = 0;
    this.indexSessions();
  }

  private indexSessions(): void {
    this.sessionsByToken.clear();
    for (const s of this.state.sessions.values())
      this.sessionsByToken.set(s.session_token, s.member_session_id);
  }

  /** Forgets a session (revoked or expired). */
  removeSession(session: SessionRecord): void {
    this.state.sessions.delete(session.member_session_id);
    this.sessionsByToken.delete(session.session_token);
  }

  /**
   * Drops what can no longer be used — expired sessions and intermediate sessions, codes and links
   * an hour past their expiry,
   * rate-limit entries past their window — at most once a minute (of the emulator's clock), so the
   * state stays the size of what is live and no request pays for scanning the rest.
   */
  pruneIfDue(): void {
    const now = this.now();
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    const s = this.state;
    // (Deleting from a Map while iterating it is safe: entries not yet reached are still visited.)
    for (const session of s.sessions.values()) if (session.expires_at <= now) this.removeSession(session);
    for (const [token, ist] of s.intermediate_sessions)
      if (ist.expires_at <= now) s.intermediate_sessions.delete(token);
    // An expired code or link still answers "expired" (not "not found") for an hour.
    const stale = now - 3_600_000;
    for (const [id, code] of s.sms_codes) if (code.expires_at <= stale) s.sms_codes.delete(id);
    for (const [token, link] of s.magic_links) if (link.expires_at <= stale) s.magic_links.delete(token);
    const windows = [
      [s.sms_sends, this.options.smsRateLimit],
      [s.auth_failures, this.options.authAttemptLimit],
    ] as const;
    for (const [bucket, limit] of windows) {
      for (const [key, times] of bucket) {
        const live = limit ? times.filter((t) => t > now - limit.windowSeconds * 1000) : [];
        if (live.length) bucket.set(key, live);
        else bucket.delete(key);
      }
    }
    // The outboxes are for reading the latest messages: keep the last thousand of each.
    s.sms_outbox.splice(0, Math.max(0, s.sms_outbox.length - 1000));
    s.email_outbox.splice(0, Math.max(0, s.email_outbox.length - 1000));
  }

  /** The key that signs session JWTs, made on first use and kept in the state. */
  signingKey(): SigningKey {
    return (this.state.signing_key ??= newSigningKey());
  }

  now(): number {
    return this.clock.nowMs();
  }

  /** Moves the clock forward; refuses a move backwards, or one past what a `Date` can hold (400). */
  advanceClock(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw errors.badRequest('advance_seconds must be a number of seconds, zero or more.');
    }
    if (!offsetFits(this.clock.offsetSeconds + seconds)) {
      throw errors.badRequest(
        `advance_seconds would move the emulator's clock past ${iso(LATEST_MS)}, the latest it can show.`,
      );
    }
    this.clock.advance(seconds);
    this.state.clock_offset_seconds = this.clock.offsetSeconds;
  }

  /** An organization by its ID or, as Stytch's backend API also takes, its slug. */
  organization(ref: string): OrganizationRecord {
    const org =
      this.state.organizations.get(ref) ??
      [...this.state.organizations.values()].find((o) => o.organization_slug === ref);
    if (!org) throw errors.organizationNotFound();
    return org;
  }

  member(organizationRef: string, memberId: string): MemberRecord {
    const org = this.organization(organizationRef);
    const member = this.state.members.get(memberId);
    if (!member || member.organization_id !== org.organization_id) throw errors.memberNotFound();
    return member;
  }

  /** The member a session belongs to. */
  sessionMember(session: SessionRecord): MemberRecord {
    return this.member(session.organization_id, session.member_id);
  }

  /** `session_duration_minutes` given to a session check: the session now lasts that long. */
  extendSession(session: SessionRecord, minutes: number | undefined): void {
    if (minutes !== undefined) session.expires_at = this.now() + this.checkSessionDuration(minutes) * 60_000;
  }

  memberByEmail(organizationId: string, email: string): MemberRecord | undefined {
    const wanted = email.trim().toLowerCase();
    return [...this.state.members.values()].find(
      (m) => m.organization_id === organizationId && m.email_address === wanted,
    );
  }

  /** The live session for a token; an expired one is forgotten. */
  liveSession(token: string): SessionRecord | null {
    const id = this.sessionsByToken.get(token);
    const session = id === undefined ? undefined : this.state.sessions.get(id);
    if (!session) return null;
    if (session.expires_at <= this.now()) {
      this.removeSession(session);
      return null;
    }
    return session;
  }

  /** The live session a JWT names, when this emulator signed it (an expired JWT of a live session counts). */
  sessionOfJwt(jwt: string): SessionRecord | null {
    const claims = verifyJwt(this.signingKey(), jwt);
    const claim = claims && own(claims, 'https://stytch.com/session');
    const id = isRecord(claim) ? own(claim, 'id') : undefined;
    const session = typeof id === 'string' ? this.state.sessions.get(id) : undefined;
    return session ? this.liveSession(session.session_token) : null;
  }

  /**
   * The session that a token or a JWT names (exactly one of them), required: neither is 400
   * `no_session_arguments` (401 on the SDK routes, where the token is the credentials), both 400, a
   * dead one 404 `session_not_found`.
   */
  requireSession(args: Pick<SessionArgs, 'session_token' | 'session_jwt'>, sdk = false): SessionRecord {
    const { session_token: token, session_jwt: jwt } = args;
    if (token && jwt) throw errors.tooManySessionArguments();
    if (!token && !jwt) throw sdk ? errors.unauthorizedCredentials() : errors.noSessionArguments();
    const session = token ? this.liveSession(token) : this.sessionOfJwt(jwt!);
    if (!session) throw errors.sessionNotFound();
    session.last_accessed_at = this.now();
    return session;
  }

  /** The SDK caller's session (its Basic credentials), required. */
  callerSession(caller: Caller): SessionRecord {
    return this.requireSession({ session_token: caller.sessionToken }, true);
  }

  /**
   * Finds what proves the member is mid-login (an intermediate session) or signed in (a session).
   * Stytch takes at most one; a token for another member or organization is refused.
   */
  mfaProof(args: SessionArgs, member: MemberRecord): MfaProof {
    const { intermediate_session_token: ist, session_token: token, session_jwt: jwt } = args;
    if ([ist, token, jwt].filter(Boolean).length > 1) throw errors.tooManySessionArguments();
    if (ist) {
      const record = this.state.intermediate_sessions.get(ist);
      if (!record || record.expires_at <= this.now()) {
        if (record) this.state.intermediate_sessions.delete(ist);
        throw errors.intermediateSessionNotFound();
      }
      if (record.organization_id !== member.organization_id) throw errors.istWrongOrganization();
      if (record.member_id !== member.member_id) throw errors.intermediateSessionNotFound();
      return { kind: 'ist', ist: record };
    }
    if (token || jwt) {
      const session = this.requireSession({ session_token: token, session_jwt: jwt });
      if (session.member_id !== member.member_id) throw errors.sessionMemberMismatch();
      return { kind: 'session', session };
    }
    return { kind: 'none' };
  }

  createIntermediateSession(member: MemberRecord, factors: FactorRecord[]): IntermediateSessionRecord {
    const record: IntermediateSessionRecord = {
      token: opaqueToken(),
      member_id: member.member_id,
      organization_id: member.organization_id,
      expires_at: this.now() + this.options.intermediateSessionMinutes * 60_000,
      factors,
    };
    this.state.intermediate_sessions.set(record.token, record);
    return record;
  }

  checkSessionDuration(minutes: number | undefined): number {
    const value = minutes ?? 60;
    if (!Number.isInteger(value) || value < MIN_SESSION_MINUTES || value > MAX_SESSION_MINUTES) {
      throw errors.invalidSessionDuration();
    }
    return value;
  }

  /**
   * Completes a factor: an intermediate session becomes a new session (and is spent), an existing
   * session gains the factor (step-up) and is extended.
   */
  grantSession(proof: MfaProof, member: MemberRecord, factor: FactorRecord, minutes: number): SessionRecord {
    const now = this.now();
    if (proof.kind === 'session') {
      const session = proof.session;
      session.factors = [...session.factors.filter((f) => f.type !== factor.type), factor];
      session.last_accessed_at = now;
      session.expires_at = Math.max(session.expires_at, now + minutes * 60_000);
      return session;
    }
    const prior = proof.kind === 'ist' ? proof.ist.factors : [];
    if (proof.kind === 'ist') this.state.intermediate_sessions.delete(proof.ist.token);
    return this.createSession(member, [...prior, factor], minutes);
  }

  createSession(member: MemberRecord, factors: FactorRecord[], minutes: number): SessionRecord {
    const now = this.now();
    const session: SessionRecord = {
      member_session_id: testId('member-session'),
      member_id: member.member_id,
      organization_id: member.organization_id,
      session_token: opaqueToken(),
      started_at: now,
      last_accessed_at: now,
      expires_at: now + minutes * 60_000,
      factors,
    };
    this.state.sessions.set(session.member_session_id, session);
    this.sessionsByToken.set(session.session_token, session.member_session_id);
    return session;
  }

  /** The body of every session-producing answer (B2BAuthenticateResponse). */
  authenticateResponse(session: SessionRecord, member: MemberRecord) {
    const org = this.organization(member.organization_id);
    return {
      member_id: member.member_id,
      member: toMember(member),
      organization: toOrganization(org),
      member_session: toMemberSession(session, member, org),
      session_token: session.session_token,
      session_jwt: sessionJwt(session, member, org, this.now(), this.signingKey(), this.options.project),
      intermediate_session_token: '',
    };
  }

  memberResponse(member: MemberRecord) {
    return {
      member_id: member.member_id,
      member: toMember(member),
      organization: toOrganization(this.organization(member.organization_id)),
    };
  }

  /**
   * A sliding-window limit: `check` throws 429 (with the seconds until a slot frees) when the window
   * is full, `record` counts an event now. `'check+record'` does both, as a send does.
   */
  rateLimit(
    key: string,
    bucket: 'sms_sends' | 'auth_failures',
    limit: { max: number; windowSeconds: number } | false,
    mode: 'check' | 'record' | 'check+record' = 'check+record',
  ): void {
    if (!limit) return;
    const now = this.now();
    const windowMs = limit.windowSeconds * 1000;
    const times = (this.state[bucket].get(key) ?? []).filter((t) => t > now - windowMs);
    this.state[bucket].set(key, times);
    if (mode !== 'record' && times.length >= limit.max) {
      throw errors.tooManyRequests(Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000)));
    }
    if (mode !== 'check') times.push(now);
  }

  /** A wrong code for a member: counted toward the attempt limit. */
  countFailure(member: MemberRecord): void {
    this.rateLimit(member.member_id, 'auth_failures', this.options.authAttemptLimit, 'record');
  }

  checkAttemptLimit(member: MemberRecord): void {
    this.rateLimit(member.member_id, 'auth_failures', this.options.authAttemptLimit, 'check');
  }

  checkEnrollmentSetting(setting: string | undefined): void {
    if (setting !== undefined && setting !== 'enroll' && setting !== 'unenroll')
      throw errors.invalidSetMfaEnrollment();
  }

  /** Applies `set_mfa_enrollment` (checked beforehand) and the organization's policy after an MFA success. */
  applyEnrollment(
    member: MemberRecord,
    setting: string | undefined,
    method: 'sms_otp' | 'totp',
    setDefault: boolean,
  ): void {
    const org = this.organization(member.organization_id);
    if (org.mfa_policy === 'REQUIRED_FOR_ALL') member.mfa_enrolled = true;
    else if (setting === 'enroll') member.mfa_enrolled = true;
    else if (setting === 'unenroll') member.mfa_enrolled = false;
    if (setDefault || member.default_mfa_method === '') member.default_mfa_method = method;
    member.updated_at = this.now();
  }
}
