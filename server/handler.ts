import { refusal } from './guard.js';
import type {
  HeaderList,
  HostSession,
  MfaHandlerOptions,
  NewSession,
  NodeContext,
  StytchBackend,
} from './types.js';

/** An error the handler answers with, in Stytch's JSON form so the elements show the same messages. */
class HandlerError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}

const noSession = () => new HandlerError(401, 'session_not_found', 'Sign in first.');
const needsFullSession = () => new HandlerError(401, 'session_not_found', 'This needs a signed-in member.');

type Body = Record<string, unknown>;
interface Call {
  body: Body;
  host: HostSession;
  stytch: StytchBackend;
  /** Stores a session a factor returned; the response carries the headers the host gave. */
  keep(answer: { session_token: string; session_jwt: string; member_session?: unknown }): Promise<void>;
  duration(): number | undefined;
}

const str = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
const target = (host: HostSession) => ({ organization_id: host.organization_id, member_id: host.member_id });

/** The one login the host holds, as Stytch's backend takes it: an intermediate session, else a session. */
function login(host: HostSession) {
  if (host.intermediate_session_token) return { intermediate_session_token: host.intermediate_session_token };
  if (host.session_token) return { session_token: host.session_token };
  if (host.session_jwt) return { session_jwt: host.session_jwt };
  throw noSession();
}

/** The member's session, checked with Stytch (settings and recovery codes need a signed-in member). */
async function fullSession({ host, stytch }: Call) {
  if (host.intermediate_session_token || !(host.session_token || host.session_jwt)) throw needsFullSession();
  const checked = await stytch.sessions.authenticate(
    host.session_token ? { session_token: host.session_token } : { session_jwt: host.session_jwt! },
  );
  return checked;
}

/** What goes back to the browser of an answer that made a session: everything but the tokens. */
function withoutTokens(answer: {
  member: { member_id: string };
  organization: unknown;
  member_session?: unknown;
}) {
  return {
    member_id: answer.member.member_id,
    member: answer.member,
    organization: answer.organization,
    member_session: answer.member_session ?? null,
    member_authenticated: true,
    session_token: '',
    session_jwt: '',
    intermediate_session_token: '',
  };
}

function factorInput(call: Call) {
  const { body } = call;
  const enrollment = str(body.set_mfa_enrollment);
  return {
    ...target(call.host),
    ...login(call.host),
    code: String(body.code ?? ''),
    ...(enrollment ? { set_mfa_enrollment: enrollment } : {}),
    ...(body.set_default_mfa === true ? { set_default_mfa: true } : {}),
    ...(call.duration() ? { session_duration_minutes: call.duration()! } : {}),
  };
}

const memberAnswer = (a: { member: { member_id: string }; organization: unknown }) => ({
  member_id: a.member.member_id,
  member: a.member,
  organization: a.organization,
});

/** Each call the elements make, by the last segments of the URL. */
const OPERATIONS: Record<string, (call: Call) => Promise<unknown>> = {
  /** Who is signing in and what MFA needs: a primary-auth answer without its tokens. */
  async state(call) {
    const { host, stytch } = call;
    if (!host.intermediate_session_token) {
      const checked = await fullSession(call);
      return { ...withoutTokens(checked), mfa_required: null };
    }
    const [{ member }, { organization }] = await Promise.all([
      stytch.organizations.members.get(target(host)),
      stytch.organizations.get({ organization_id: host.organization_id }),
    ]);
    const phone = member.mfa_phone_number_verified ? member.mfa_phone_number : '';
    const totp = member.totp_registration_id;
    return {
      member_id: member.member_id,
      member,
      organization,
      member_authenticated: false,
      member_session: null,
      mfa_required: {
        member_options: phone || totp ? { mfa_phone_number: phone, totp_registration_id: totp } : null,
        secondary_auth_initiated: host.secondary_auth_initiated ?? null,
      },
    };
  },
  async 'sms/send'(call) {
    const phone = str(call.body.mfa_phone_number);
    const locale = str(call.body.locale);
    const answer = await call.stytch.otps.sms.send({
      ...target(call.host),
      ...login(call.host),
      ...(phone ? { mfa_phone_number: phone } : {}),
      ...(locale ? { locale } : {}),
    });
    return memberAnswer(answer);
  },
  async 'sms/authenticate'(call) {
    const answer = await call.stytch.otps.sms.authenticate(factorInput(call));
    await call.keep(answer);
    return withoutTokens(answer);
  },
  async 'totp/create'(call) {
    const minutes =
      typeof call.body.expiration_minutes === 'number' ? call.body.expiration_minutes : undefined;
    const answer = await call.stytch.totps.create({
      ...target(call.host),
      ...login(call.host), // Stytch asks for it once the member has a factor; we always have one
      ...(minutes ? { expiration_minutes: minutes } : {}),
    });
    // The secret and codes are what this step shows; the QR image is not needed (the element draws it).
    return {
      ...memberAnswer(answer),
      totp_registration_id: answer.totp_registration_id,
      secret: answer.secret,
      qr_code: '',
      recovery_codes: answer.recovery_codes,
    };
  },
  async 'totp/authenticate'(call) {
    const answer = await call.stytch.totps.authenticate(factorInput(call));
    await call.keep(answer);
    return withoutTokens(answer);
  },
  async 'recovery_codes/recover'(call) {
    const answer = await call.stytch.recoveryCodes.recover({
      ...target(call.host),
      ...login(call.host),
      recovery_code: String(call.body.recovery_code ?? ''),
      ...(call.duration() ? { session_duration_minutes: call.duration()! } : {}),
    });
    await call.keep(answer);
    return { ...withoutTokens(answer), recovery_codes_remaining: answer.recovery_codes_remaining };
  },
  async 'recovery_codes/get'(call) {
    await fullSession(call);
    const answer = await call.stytch.recoveryCodes.get(target(call.host));
    return { ...memberAnswer(answer), recovery_codes: answer.recovery_codes };
  },
  async 'recovery_codes/rotate'(call) {
    await fullSession(call);
    const answer = await call.stytch.recoveryCodes.rotate(target(call.host));
    return { ...memberAnswer(answer), recovery_codes: answer.recovery_codes };
  },
  async 'member/get'(call) {
    return memberAnswer(await fullSession(call));
  },
  async 'member/update'(call) {
    await fullSession(call);
    const { mfa_enrolled, default_mfa_method } = call.body;
    // Only what the elements change; anything else in the body is ignored.
    const answer = await call.stytch.organizations.members.update({
      ...target(call.host),
      ...(typeof mfa_enrolled === 'boolean' ? { mfa_enrolled } : {}),
      ...(typeof default_mfa_method === 'string' ? { default_mfa_method } : {}),
    });
    return memberAnswer(answer);
  },
  async 'member/delete_phone'(call) {
    await fullSession(call);
    return memberAnswer(await call.stytch.organizations.members.deleteMFAPhoneNumber(target(call.host)));
  },
  async 'member/delete_totp'(call) {
    await fullSession(call);
    return memberAnswer(await call.stytch.organizations.members.deleteTOTP(target(call.host)));
  },
  async 'organization/get'(call) {
    const { organization } = await fullSession(call);
    return { organization };
  },
};

/** The operation a URL names (its last one or two segments), or null when it names none. */
export function operationOf(pathname: string): string | null {
  const parts = pathname.split('/').filter(Boolean);
  for (const name of [parts.slice(-2).join('/'), parts.at(-1) ?? '']) if (name in OPERATIONS) return name;
  return null;
}

function json(status: number, body: unknown, headers?: HeaderList): Response {
  const response = new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
  new Headers(headers).forEach((value, name) => response.headers.append(name, value));
  return response;
}

function errorBody(status: number, errorType: string, message: string, details?: unknown) {
  return {
    status_code: status,
    error_type: errorType,
    error_message: message,
    ...(details ? { error_details: details } : {}),
  };
}

/** A Stytch error keeps its status and type; anything else is a 500 that says nothing more. */
function failure(error: unknown): Response {
  if (error instanceof HandlerError)
    return json(error.status, errorBody(error.status, error.errorType, error.message));
  const e = error as {
    status_code?: unknown;
    error_type?: unknown;
    error_message?: unknown;
    error_details?: unknown;
  };
  if (typeof e?.error_type === 'string' && typeof e.status_code === 'number') {
    return json(
      e.status_code,
      errorBody(e.status_code, e.error_type, String(e.error_message ?? ''), e.error_details),
    );
  }
  return json(500, errorBody(500, 'internal_server_error', 'Something went wrong.'));
}

/**
 * The handler as a Web `fetch` handler: `(request) => Promise<Response>`. Answers 404 for a URL that
 * names no operation (the connect adapter passes those on instead).
 */
export function createFetchHandler(
  options: MfaHandlerOptions,
): (request: Request, node?: NodeContext) => Promise<Response> {
  const allowed = options.allowedOrigins ?? [];
  const maxMinutes = options.maxSessionDurationMinutes ?? 60 * 24 * 7;
  return async (request, node) => {
    const name = operationOf(new URL(request.url).pathname);
    if (!name) return json(404, errorBody(404, 'route_not_found', 'No such MFA operation.'));
    const refused = refusal(request, allowed);
    if (refused) return json(refused.status, errorBody(refused.status, 'cross_site_request', refused.why));
    try {
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        throw new HandlerError(400, 'bad_request', 'The body is not valid JSON.');
      }
      if (!body || typeof body !== 'object' || Array.isArray(body))
        throw new HandlerError(400, 'bad_request', 'The body must be a JSON object.');
      const host = await options.getSession(request, node);
      if (!host) throw noSession();
      const headers = new Headers();
      const call: Call = {
        body: body as Body,
        host,
        stytch: options.stytch,
        async keep(answer) {
          const kept: NewSession = {
            organization_id: host.organization_id,
            member_id: host.member_id,
            session_token: answer.session_token,
            session_jwt: answer.session_jwt,
            member_session: answer.member_session,
          };
          const extra = await options.setSession(kept, request, node);
          new Headers(extra ?? undefined).forEach((value, key) => headers.append(key, value));
        },
        duration() {
          const minutes = (body as Body).session_duration_minutes;
          return typeof minutes === 'number' ? Math.min(minutes, maxMinutes) : undefined;
        },
      };
      const result = await OPERATIONS[name]!(call);
      return json(200, result, headers);
    } catch (error) {
      return failure(error);
    }
  };
}
