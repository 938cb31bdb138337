// The calls the elements make, each by the URL's last segments: what it asks Stytch, and what it
// answers, built field by field (see answers.ts). An operation returns the session a factor made
// instead of storing it, so the handler stores it only once the whole answer is ready.
import { ADMIN_OPERATIONS } from './admin-operations.js';
import * as answers from './answers.js';
import { HandlerError, needsFullSession, noSession } from './errors.js';
import type { SmsNumbers } from './sms-numbers.js';
import { stateOf } from './state.js';
import type { HostSession, StytchBackend } from './types.js';

type Json = Record<string, unknown>;

export interface Call {
  /** The request's JSON object. */
  body: Json;
  host: HostSession;
  stytch: StytchBackend;
  /** The session length the page asked for, capped by the host's limit. */
  duration: number | undefined;
  sms: SmsNumbers;
}

export interface Outcome {
  body: Json;
  /** A session a factor made: the host stores it in place of the one it had. */
  session?: { session_token: string; session_jwt: string; member_session: Json };
}

/** A field of the request's body, if it is the body's own (never `constructor` and the like). */
const input = (call: Call, name: string) => answers.field(call.body, name);
const text = (call: Call, name: string) => {
  const value = input(call, name);
  return typeof value === 'string' && value ? value : undefined;
};
const target = (host: HostSession) => ({ organization_id: host.organization_id, member_id: host.member_id });
const minutes = (call: Call) => (call.duration ? { session_duration_minutes: call.duration } : {});

/** The one login the host holds, as Stytch's backend takes it: an intermediate session, else a session. */
function login(host: HostSession) {
  if (host.intermediate_session_token) return { intermediate_session_token: host.intermediate_session_token };
  if (host.session_token) return { session_token: host.session_token };
  if (host.session_jwt) return { session_jwt: host.session_jwt };
  throw noSession();
}

/** The member's session, checked with Stytch (settings and recovery codes need a signed-in member). */
async function fullSession({ host, stytch }: Call): Promise<Json> {
  if (host.intermediate_session_token || !(host.session_token || host.session_jwt)) throw needsFullSession();
  return answers.success(
    await stytch.sessions.authenticate(
      host.session_token ? { session_token: host.session_token } : { session_jwt: host.session_jwt! },
    ),
  );
}

/** An answer that made a session: who, and the session's public part; the tokens go to the host only. */
function signedIn(answer: Json): Outcome {
  const session = answers.newSession(answer);
  return {
    body: {
      ...answers.who(answer),
      member_session: answers.memberSession(answer),
      member_authenticated: true,
    },
    session,
  };
}

function factorInput(call: Call) {
  const enrollment = text(call, 'set_mfa_enrollment');
  const code = input(call, 'code');
  return {
    ...target(call.host),
    ...login(call.host),
    code: typeof code === 'string' ? code : '',
    ...(enrollment ? { set_mfa_enrollment: enrollment } : {}),
    ...(input(call, 'set_default_mfa') === true ? { set_default_mfa: true } : {}),
    ...minutes(call),
  };
}

const tooManyNumbers = () =>
  new HandlerError(429, 'too_many_requests', 'Codes were sent to too many phone numbers. Try again later.');

/** Stytch refused the request itself (a 4xx): nothing was sent. */
const refused = (error: unknown) => {
  const status = answers.field(error, 'status_code');
  return typeof status === 'number' && status >= 400 && status < 500;
};

export const OPERATIONS = new Map<string, (call: Call) => Promise<Outcome>>([
  [
    // Who is signing in and what MFA needs: a primary-auth answer without its tokens.
    'state',
    async (call) => {
      const { host, stytch } = call;
      if (!host.intermediate_session_token) return { body: stateOf(await fullSession(call), host) };
      return { body: stateOf(answers.success(await stytch.organizations.members.get(target(host))), host) };
    },
  ],
  [
    'sms/send',
    async (call) => {
      // The elements send back the masked number an answer gave them: it means the number on file,
      // which Stytch texts when the request names none.
      const asked = text(call, 'mfa_phone_number');
      const phone = asked && !answers.isMasked(asked) ? asked : undefined;
      const locale = text(call, 'locale');
      const member = `${call.host.organization_id} ${call.host.member_id}`;
      const release = phone ? call.sms.reserve(member, phone) : () => undefined;
      if (!release) throw tooManyNumbers();
      try {
        const answer = await call.stytch.otps.sms.send({
          ...target(call.host),
          ...login(call.host),
          ...(phone ? { mfa_phone_number: phone } : {}),
          ...(locale ? { locale } : {}),
        });
        return { body: answers.who(answers.success(answer)) };
      } catch (error) {
        if (refused(error)) release();
        throw error;
      }
    },
  ],
  [
    'sms/authenticate',
    async (call) => signedIn(answers.success(await call.stytch.otps.sms.authenticate(factorInput(call)))),
  ],
  [
    'totp/create',
    async (call) => {
      const expiration = input(call, 'expiration_minutes');
      const answer = answers.success(
        await call.stytch.totps.create({
          ...target(call.host),
          ...login(call.host), // Stytch asks for it once the member has a factor; we always have one
          ...(typeof expiration === 'number' ? { expiration_minutes: expiration } : {}),
        }),
      );
      // The secret and codes are what this step shows; the QR image is not needed (the element draws it).
      return {
        body: {
          ...answers.who(answer),
          totp_registration_id: answers.requiredText(answer, 'totp_registration_id'),
          secret: answers.requiredText(answer, 'secret'),
          qr_code: '',
          recovery_codes: answers.strings(answer, 'recovery_codes'),
        },
      };
    },
  ],
  [
    'totp/authenticate',
    async (call) => signedIn(answers.success(await call.stytch.totps.authenticate(factorInput(call)))),
  ],
  [
    'recovery_codes/recover',
    async (call) => {
      const code = input(call, 'recovery_code');
      const answer = answers.success(
        await call.stytch.recoveryCodes.recover({
          ...target(call.host),
          ...login(call.host),
          recovery_code: typeof code === 'string' ? code : '',
          ...minutes(call),
        }),
      );
      const outcome = signedIn(answer);
      const left = answers.field(answer, 'recovery_codes_remaining');
      return {
        ...outcome,
        body: { ...outcome.body, recovery_codes_remaining: typeof left === 'number' ? left : 0 },
      };
    },
  ],
  [
    'recovery_codes/get',
    async (call) => {
      await fullSession(call);
      const answer = answers.success(await call.stytch.recoveryCodes.get(target(call.host)));
      return { body: { ...answers.who(answer), recovery_codes: answers.strings(answer, 'recovery_codes') } };
    },
  ],
  [
    'recovery_codes/rotate',
    async (call) => {
      await fullSession(call);
      const answer = answers.success(await call.stytch.recoveryCodes.rotate(target(call.host)));
      return { body: { ...answers.who(answer), recovery_codes: answers.strings(answer, 'recovery_codes') } };
    },
  ],
  ['member/get', async (call) => ({ body: answers.who(await fullSession(call)) })],
  [
    'member/update',
    async (call) => {
      await fullSession(call);
      const enrolled = input(call, 'mfa_enrolled');
      const method = input(call, 'default_mfa_method');
      // Only what the elements change; anything else in the body is ignored.
      const answer = await call.stytch.organizations.members.update({
        ...target(call.host),
        ...(typeof enrolled === 'boolean' ? { mfa_enrolled: enrolled } : {}),
        ...(typeof method === 'string' ? { default_mfa_method: method } : {}),
      });
      return { body: answers.who(answers.success(answer)) };
    },
  ],
  [
    'member/delete_phone',
    async (call) => {
      await fullSession(call);
      const answer = await call.stytch.organizations.members.deleteMFAPhoneNumber(target(call.host));
      return { body: answers.who(answers.success(answer)) };
    },
  ],
  [
    'member/delete_totp',
    async (call) => {
      await fullSession(call);
      const answer = await call.stytch.organizations.members.deleteTOTP(target(call.host));
      return { body: answers.who(answers.success(answer)) };
    },
  ],
  [
    'organization/get',
    async (call) => ({ body: { organization: answers.organization(await fullSession(call)) } }),
  ],
  // The admin elements' calls, authorized by Stytch with the member's session: admin-operations.ts.
  ...ADMIN_OPERATIONS,
]);

/** The operation a URL names (its last two segments, else its last one), or null when it names none. */
export function operationOf(pathname: string): string | null {
  const parts = pathname.split('/').filter(Boolean);
  for (const name of [parts.slice(-2).join('/'), parts.at(-1) ?? '']) if (OPERATIONS.has(name)) return name;
  return null;
}
