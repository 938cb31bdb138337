import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { emit } from '../../events.js';
import { flow } from '../../strings/en/flow.js';
import type { AuthResponse } from '../../stytch/member.js';
// Returning MFA is the route of every sign-in after enrollment: <mfa-authenticate> (its methods' steps
// load as they show) comes with the flow, so that route waits on one request fewer.
import { preloadFirstStep } from '../mfa-authenticate/mfa-authenticate.js';
import { afterPageScripts } from '../../controllers/client.js';
import { MfaElement } from '../mfa-element.js';
import { FORWARDED_PARTS } from '../mfa-element.js';

type Route = 'enroll' | 'authenticate';

/**
 * Where an answer that needs MFA goes: a member with a factor authenticates; one with none enrolls,
 * as does one whose number was never verified and who has no app (an enrollment left half-way:
 * enrolling again lets them change the number or choose the app).
 */
function routeOf(response: AuthResponse): Route {
  const options = response.mfa_required?.member_options;
  const unfinished = !options?.totp_registration_id && response.member?.mfa_phone_number_verified === false;
  return options && !unfinished ? 'authenticate' : 'enroll';
}

/** Enrollment, loaded when the flow routes to it (and as soon as it knows it will). */
const loadEnroll = () => import('../mfa-enroll/mfa-enroll.js');

/** The SMS step, which most sign-ins show first (a failure to load is reported when it shows). */
const preloadSms = (): void => void import('../sms-otp-input/sms-otp-input.js').catch(() => undefined);

/**
 * After primary auth, the whole MFA journey from one response: `member_authenticated: true` →
 * `mfa-authenticated` at once (method `null`); `member_options: null`, or only a number the member
 * never verified (an enrollment left half-way) → `<mfa-enroll>`; otherwise `<mfa-authenticate>`.
 * Without a response, a member already signed in (the client's session, as after a reload) is done
 * at once too. With `redirect-url` it goes there after `mfa-authenticated` (cancelable). With `handle-redirect` it first completes a redirect-based primary login
 * itself (`client.authenticateByUrl`: email magic links and the like), so a plain page needs no script
 * besides the kit; meanwhile its `status` part says "Signing you in…", and it starts loading the SDK
 * as it connects. In backend mode (`<mfa-provider backend-url>`) it asks the host's server who is
 * signing in, so it needs no `authResponse` either. `<mfa-authenticate>` comes with it; `<mfa-enroll>` loads when routed to.
 *
 * @summary After primary auth: routes to done, `<mfa-enroll>` or `<mfa-authenticate>`.
 * @fires {CustomEvent<StepDetail>} mfa-step - The visible step changed (the routed element's steps).
 * @fires {CustomEvent<SmsSentDetail>} mfa-sms-sent - From the SMS factor.
 * @fires {CustomEvent<TotpCreatedDetail>} mfa-totp-created - From the TOTP factor.
 * @fires {CustomEvent<RecoveryCodesSavedDetail>} mfa-recovery-codes-saved - From the TOTP factor.
 * @fires {CustomEvent<EnrolledDetail>} mfa-enrolled - Enrollment completed.
 * @fires {CustomEvent<AuthenticatedDetail>} mfa-authenticated - A full session exists (method `null` when no MFA was needed). Cancelable: `preventDefault()` keeps `redirect-url` from being followed.
 * @fires {CustomEvent<ErrorDetail>} mfa-error - Any failure, with a localized message.
 * @csspart enroll - The `<mfa-enroll>` it routed to.
 * @csspart authenticate - The `<mfa-authenticate>` it routed to.
 * @csspart error - Failures.
 * @csspart status - Polite announcements.
 */
export class MfaFlow extends MfaElement {
  static override english = { ...MfaElement.english, ...flow };

  static override get properties(): PropertyDeclarations {
    return {
      handleRedirect: { type: Boolean, attribute: 'handle-redirect' },
      redirectUrl: { attribute: 'redirect-url' },
      defaultCountry: { attribute: 'default-country' },
      countries: {},
      route: { state: true, attribute: false },
    };
  }

  /** Complete a redirect-based primary login (a magic link's `?token=…`) before routing. */
  handleRedirect = false;

  /**
   * Where to go once the member is signed in (after `mfa-authenticated`, unless a listener called
   * `preventDefault()` on it), so a page without script has an ending.
   */
  redirectUrl = '';

  /** Enrollment's phone entry: its first country (ISO 3166 alpha-2, e.g. `GB`); else the browser's region. */
  defaultCountry = '';

  /** The countries phone entry accepts (`"US CA GB"`): others are refused before sending. Empty: all. */
  countries = '';

  private route: Route | null = null;

  constructor() {
    super();
    this.addEventListener('mfa-authenticated', (event) => {
      const url = this.redirectUrl;
      // Once every listener has had the event (dispatch is synchronous), unless one prevented it.
      if (url) queueMicrotask(() => event.defaultPrevented || location.assign(url));
    });
  }
  private redirectHandled = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.authResponse) return;
    if (this.handleRedirect && !this.redirectHandled) {
      // A magic link's landing: nothing shows until the SDK has loaded and read the token, so say so
      // from the first render, and start what it needs now rather than after that render: the SDK,
      // and the step of the route of most sign-ins, returning SMS.
      this.status = this.say('flowSigningIn');
      this.closest('mfa-provider')?.preload?.();
      preloadSms();
    } else if (this.closest('mfa-provider[backend-url]')) {
      // Backend mode: the host's server says who is signing in (the provider has asked it already);
      // meanwhile the step of most sign-ins loads beside that request, not after it.
      preloadSms();
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The route's first step starts loading as soon as the answer is known — in the task that set
    // it — not once the flow and the element it routes to have started and rendered: in a bundled
    // app each step is a chunk of its own, and this request then runs beside the flow's start.
    const response = this.authResponse;
    if (!changed.has('authResponse') || !response || response.member_authenticated) return;
    if (routeOf(response) === 'enroll') void loadEnroll().catch(() => undefined);
    else preloadFirstStep(response);
  }

  protected override async prepare(): Promise<boolean> {
    if (this.handleRedirect && !this.authResponse && !this.redirectHandled) {
      this.redirectHandled = true;
      const source = await this.finder.resolve();
      const client = await source?.getClient();
      if (client) {
        const result = await this.calls.attempt('redirect', () =>
          client.authenticateByUrl({ session_duration_minutes: this.sessionDurationMinutes }),
        );
        if (!result) {
          this.status = ''; // the error says why
          return false;
        }
        const data = result.value && 'data' in result.value ? result.value.data : null;
        if (data) this.authResponse = data as AuthResponse;
      }
    }
    if (!this.authResponse) await afterPageScripts();
    if (!this.authResponse) {
      // Backend mode: the host's server knows who is signing in (its session, without the tokens).
      const source = await this.finder.resolve();
      if (source?.getAuthResponse) {
        const result = await this.calls.attempt('state', () => source.getAuthResponse!());
        if (!result) return false;
        this.authResponse ??= result.value; // unless the page gave one meanwhile
      }
    }
    return true;
  }

  protected async begin(): Promise<void> {
    this.route = null;
    this.status = ''; // "Signing you in…", on a landing
    const response = this.authResponse;
    if (!response) {
      await this.setupFailed('no_session');
      return;
    }
    if (response.member_authenticated && response.member_session) {
      this.status = this.say('flowSignedIn');
      emit(this, 'mfa-authenticated', {
        method: null,
        member: response.member,
        organization: response.organization,
        memberSession: response.member_session,
      });
      this.steps.go('done', null);
      return;
    }
    const route = routeOf(response);
    if (route === 'enroll' && !(await this.calls.loaded(loadEnroll()))) return;
    this.route = route;
  }

  protected override render(): TemplateResult {
    let body: TemplateResult | typeof nothing = nothing;
    if (this.route === 'enroll') {
      body = html`<mfa-enroll
        exportparts=${FORWARDED_PARTS}
        part="enroll"
        .client=${this.client}
        .authResponse=${this.authResponse}
        .strings=${this.strings}
        session-duration-minutes=${this.sessionDurationMinutes}
        default-country=${this.defaultCountry}
        countries=${this.countries}
        @mfa-step=${this.steps.relay}
      ></mfa-enroll>`;
    } else if (this.route === 'authenticate') {
      body = html`<mfa-authenticate
        exportparts=${FORWARDED_PARTS}
        part="authenticate"
        .client=${this.client}
        .authResponse=${this.authResponse}
        .strings=${this.strings}
        session-duration-minutes=${this.sessionDurationMinutes}
        @mfa-step=${this.steps.relay}
      ></mfa-authenticate>`;
    } else if (this.errorMessage) {
      body = html`<p part="error" role="alert">${this.errorMessage}</p>`;
    }
    return this.renderFrame(body);
  }
}

// The types of the element's properties and events, for `import type { … } from '…/mfa-flow'`.
export type {
  StepDetail,
  SmsSentDetail,
  TotpCreatedDetail,
  RecoveryCodesSavedDetail,
  EnrolledDetail,
  AuthenticatedDetail,
  ErrorDetail,
} from '../../events.js';
export type { MfaStrings } from '../../strings/locales.js';
export type { AuthResponse } from '../../stytch/member.js';
export type { MfaClient } from '../../stytch/types.js';
export type { MfaStep } from '../../types.js';

if (!customElements.get('mfa-flow')) customElements.define('mfa-flow', MfaFlow);

declare global {
  interface HTMLElementTagNameMap {
    'mfa-flow': MfaFlow;
  }
}
