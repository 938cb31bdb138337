import { html, nothing, svg, type TemplateResult, type PropertyDeclarations } from 'lit';
import { copyText } from '../../dom/clipboard.js';
import { FactorController, TOTP_CODE_FAILURES, type Verified } from '../../controllers/factor.js';
import type { Words } from '../../controllers/localize.js';
import { intlLocale } from '../../strings/intl.js';
import type { Failure } from '../../stytch/errors.js';
import { emit } from '../../events.js';
import { totp } from '../../strings/en/totp.js';
import type { Enrollment } from '../../types.js';
import { codeField, stepForm } from '../code-field.js';
import type { MfaCodeInput } from '../mfa-code-input/mfa-code-input.js';
import { MfaElement } from '../mfa-element.js';
import { FORWARDED_PARTS } from '../mfa-element.js';
import '../mfa-recovery-codes/mfa-recovery-codes.js';
import type { QrPath } from './qr.js';
import { styles } from './totp-setup.styles.js';

interface Registration {
  secret: string;
  recoveryCodes: string[];
}

/**
 * When a setup this browser started for a member stops blocking a new one (ms), kept in
 * `localStorage` under the member's ID — a time, never the key — so a member who reloads or comes
 * back is told when they can start again. 0 when unknown or past.
 */
const PENDING = 'stytch-mfa-elements:totp-pending:';
function pendingUntil(memberId: string, until?: number): number {
  try {
    if (until === 0) localStorage.removeItem(PENDING + memberId);
    else if (until) localStorage.setItem(PENDING + memberId, String(until));
    const at = Number(localStorage.getItem(PENDING + memberId));
    return at > Date.now() ? at : 0;
  } catch {
    return 0; // storage refused (a sandboxed frame): the message says less, nothing breaks
  }
}

/** A time of day as the member's language writes it (`14:05`, `2:05 PM`). */
function timeOfDay(at: number, lang: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { hour: 'numeric', minute: '2-digit' }).format(at);
}

/** The key as people read it: groups of four. */
export function groupKey(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? '';
}

/** The `otpauth://` URI authenticator apps read (SHA-1, 6 digits, 30 s, as Stytch's TOTP). */
export function otpauthUri(issuer: string, account: string, secret: string, digits = 6): string {
  const label = encodeURIComponent(issuer ? `${issuer}:${account}` : account).replace('%3A', ':');
  const query = new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: String(digits),
    period: '30',
  });
  return `otpauth://totp/${label}?${query.toString().replace(/\+/g, '%20')}`;
}

/**
 * The TOTP factor: create a registration → QR code (drawn here as SVG, no `data:` image) and a key
 * to type → code from the app → authenticate → the recovery codes, which the member must save.
 * The secret and the codes leave the DOM and the element once their step is over, or when it is
 * removed.
 *
 * `mfa-enrolled` and `mfa-authenticated` fire once the recovery codes are saved, so a host that
 * navigates on them never skips that step.
 *
 * @summary TOTP factor: create, QR + manual key, code, authenticate, recovery codes.
 * @fires {CustomEvent<StepDetail>} mfa-step - The visible step changed (`scan-totp`, `enter-totp-code`, `save-recovery-codes`, `done`).
 * @fires {CustomEvent<TotpCreatedDetail>} mfa-totp-created - The TOTP registration exists.
 * @fires {CustomEvent<RecoveryCodesSavedDetail>} mfa-recovery-codes-saved - The member confirmed saving the codes.
 * @fires {CustomEvent<EnrolledDetail>} mfa-enrolled - With `enrollment="enroll"`: enrollment completed.
 * @fires {CustomEvent<AuthenticatedDetail>} mfa-authenticated - A full session exists and the codes are saved.
 * @fires {CustomEvent<ErrorDetail>} mfa-error - Any failure, with a localized message.
 * @csspart qr-code - The QR code (an `<svg>`).
 * @csspart secret - The setup key, grouped for reading.
 * @csspart copy-button - Copies the key.
 * @csspart open-app - On touch devices, the link that opens the `otpauth://` URI.
 * @csspart code-input - The `<mfa-code-input>`.
 * @csspart submit-button - Continue (scan step) and Verify (code step).
 * @csspart back-button - Back to the QR code from code entry.
 * @csspart recovery-codes - The `<mfa-recovery-codes>` of the last step.
 * @csspart error - Failures not about the code field.
 * @csspart status - Polite announcements.
 * @cssprop --mfa-qr-size - Size of the QR code (default 12rem).
 */
export class TotpSetup extends MfaElement {
  static override styles = [...MfaElement.styles, styles];
  static override english = { ...MfaElement.english, ...totp };

  static override get properties(): PropertyDeclarations {
    return {
      issuer: {},
      accountName: { attribute: 'account-name' },
      expirationMinutes: { type: Number, attribute: 'expiration-minutes' },
      enrollment: {},
      setDefault: { type: Boolean, attribute: 'set-default' },
      registration: { state: true, attribute: false },
      codes: { state: true, attribute: false },
      qr: { state: true, attribute: false },
      verified: { state: true, attribute: false },
      afterFailure: { state: true, attribute: false },
    };
  }

  /** The issuer the app shows; defaults to the organization's name. */
  issuer = '';

  /** The account the app shows; defaults to the member's email address. */
  accountName = '';

  /**
   * Minutes the new registration may wait for its first code (Stytch: 5–1440). Default 5: while a
   * setup left half-way (a reload, a closed tab) is pending no other can start, and Stytch's own
   * default (60) would outlast the 10-minute sign-in it belongs to.
   */
  expirationMinutes = 5;

  /** `enroll` or `unenroll` the member in MFA on success; absent: enrollment unchanged. */
  enrollment: Enrollment | '' = '';

  /** Make TOTP the member's default MFA method. */
  setDefault = false;

  private readonly code = new FactorController(this, TOTP_CODE_FAILURES);
  private registration: Registration | null = null;
  /** The recovery codes, once the code is verified and the key is gone (null: fetched with the session). */
  private codes: string[] | null = null;
  /** The member's email from the created registration, when nothing else named the account. */
  private memberEmail = '';
  private qr: QrPath | null = null;
  private verified: Verified | null = null;
  /** What the member may do after a failure to create: enter a code for a pending setup, or start again. */
  private afterFailure: 'enter-existing' | 'restart' | null = null;

  private get codeInput(): MfaCodeInput | null {
    return this.renderRoot.querySelector('mfa-code-input');
  }

  protected override forget(): void {
    this.registration = null;
    this.codes = null;
    this.qr = null;
  }

  private get issuerName(): string {
    return (
      this.issuer ||
      this.authResponse?.organization?.organization_name ||
      this.context?.who.organization?.organization_name ||
      // Named by attributes (as `<mfa-settings>` names it): the signed-in organization.
      this.context?.client?.organization.getSync()?.organization_name ||
      ''
    );
  }

  private get account(): string {
    return (
      this.accountName ||
      this.authResponse?.member?.email_address ||
      this.context?.who.member?.email_address ||
      this.context?.client?.self.getSync()?.email_address ||
      this.memberEmail
    );
  }

  protected begin(): Promise<void> {
    return this.create();
  }

  private async create(): Promise<void> {
    const context = this.context;
    if (!context) return;
    const { who } = context;
    this.afterFailure = null;
    this.errorMessage = '';
    this.status = this.say('totpCreating');
    const result = await this.calls.attempt(
      'create',
      async () =>
        (await context.api()).totp.create({
          organization_id: who.organizationId,
          member_id: who.memberId,
          ...(this.expirationMinutes ? { expiration_minutes: this.expirationMinutes } : {}),
        }),
      (failure) => {
        this.status = '';
        if (failure.code === 'pending_totp_exists') this.afterFailure = 'enter-existing';
        else if (failure.recoverable) this.afterFailure = 'restart';
      },
      { show: this.showCreateFailure },
    );
    if (!result) return;
    this.status = '';
    pendingUntil(who.memberId, Date.now() + (this.expirationMinutes || 60) * 60_000);
    const created = result.value;
    this.registration = { secret: created.secret, recoveryCodes: created.recovery_codes };
    this.memberEmail = created.member.email_address;
    emit(this, 'mfa-totp-created', { totpRegistrationId: created.totp_registration_id });
    // Without the QR encoder (the network failed), the step still offers the key to type in.
    const qr = await import('./qr.js').catch(() => null);
    if (!this.registration) return;
    this.qr = qr ? qr.qrPath(this.uri) : null;
    this.steps.go('scan-totp', 'totp');
    // What opened this step (a method choice, an Add button) is gone: its first control takes the
    // keyboard ("Open in your app" on a phone, else "Copy key").
    void this.steps.focus('[part~="open-app"], [part~="copy-button"]');
  }

  /** A setup this browser left half-way says when a new one can start; other failures as they are. */
  private readonly showCreateFailure = (words: Words, failure: Failure): void => {
    const until = this.context && pendingUntil(this.context.who.memberId);
    this.errorMessage =
      failure.code === 'pending_totp_exists' && until
        ? () => this.t('totpPendingUntil', { time: timeOfDay(until, this.localize.lang) })
        : words;
  };

  private get uri(): string {
    return this.registration ? otpauthUri(this.issuerName, this.account, this.registration.secret) : '';
  }

  private async onCopyKey(): Promise<void> {
    if (!this.registration) return;
    const copied = await copyText(this.registration.secret, this.renderRoot as ShadowRoot);
    this.status = this.say(copied ? 'totpKeyCopied' : 'totpCopyFailed');
  }

  private toCodeStep(): void {
    this.errorMessage = '';
    this.status = ''; // "Key copied." was about the step left behind
    this.afterFailure = null;
    this.steps.go('enter-totp-code', 'totp');
    void this.steps.focus('mfa-code-input');
  }

  private toScanStep(): void {
    this.code.error = '';
    this.steps.go('scan-totp', 'totp');
    void this.steps.focus('[part~="submit-button"]');
  }

  private async verify(code: string): Promise<void> {
    const answer = await this.code.verify(
      code,
      6,
      (client, who) =>
        client.totp.authenticate({
          organization_id: who.organizationId,
          member_id: who.memberId,
          code,
          session_duration_minutes: this.sessionDurationMinutes,
          ...(this.enrollment ? { set_mfa_enrollment: this.enrollment } : {}),
          ...(this.setDefault ? { set_default_mfa: true } : {}),
        }),
      (failure) => {
        if (failure.code === 'expired_totp' || failure.code === 'totp_not_found') {
          this.forget();
          this.afterFailure = 'restart';
        }
      },
    );
    if (!answer) return;
    pendingUntil(answer.member.member_id, 0);
    const { member, organization, member_session } = answer;
    this.verified = { member, organization, memberSession: member_session };
    // The secret's step is over: it leaves the element now.
    this.qr = null;
    const codes = this.registration?.recoveryCodes ?? [];
    this.registration = null;
    this.codes = codes.length ? codes : null;
    this.steps.go('save-recovery-codes', 'totp');
  }

  private onCodesSaved(): void {
    // Let `mfa-recovery-codes-saved` reach the document before what follows from it.
    queueMicrotask(() => this.finish());
  }

  private finish(): void {
    const verified = this.verified;
    if (!verified) return;
    this.forget();
    this.status = this.say('totpDone');
    this.code.succeeded('totp', verified, this.enrollment);
    this.verified = null;
    this.steps.go('done', 'totp');
  }

  private onInnerStep(event: Event): void {
    // The nested <mfa-recovery-codes> reports its steps to us; the host hears this element's.
    if (event.target !== this) event.stopPropagation();
  }

  private renderScan(): TemplateResult {
    const qr = this.qr;
    const secret = this.registration?.secret ?? '';
    const touch = matchMedia('(pointer: coarse)').matches;
    const label = this.t('totpQrLabel', { issuer: this.issuerName, account: this.account });
    return html`
      <div class="stack">
        <p part="title" class="title">${this.t('totpScanTitle')}</p>
        <p class="muted">${this.t('totpScanIntro')}</p>
        ${
          qr
            ? html`<svg
                part="qr-code"
                role="img"
                aria-label=${label}
                viewBox="-4 -4 ${qr.size + 8} ${qr.size + 8}"
                shape-rendering="crispEdges"
              >
                ${svg`<rect x="-4" y="-4" width=${qr.size + 8} height=${qr.size + 8} fill="#ffffff"></rect>
              <path d=${qr.d} fill="#000000"></path>`}
              </svg>`
            : nothing
        }
        ${touch ? html`<a part="open-app" href=${this.uri}>${this.t('totpOpenApp')}</a>` : nothing}
        <p>${this.t('totpKeyIntro')}</p>
        <div class="key">
          <code part="secret" aria-label=${this.t('totpKeyLabel')}>${groupKey(secret)}</code>
          <button part="copy-button" class="secondary" type="button" @click=${this.onCopyKey}>
            ${this.t('totpCopyKey')}
          </button>
        </div>
        <div class="actions">
          <button part="submit-button" type="button" @click=${this.toCodeStep}>
            ${this.t('totpContinue')}
          </button>
        </div>
      </div>
    `;
  }

  private renderCode(): TemplateResult {
    return stepForm({
      error: this.errorMessage,
      title: this.t('totpCodeTitle'),
      intro: this.t('totpCodeIntro', { length: 6, issuer: this.issuerName }),
      field: codeField({
        length: 6,
        error: this.code.error,
        strings: this.strings,
        onCode: (code) => void this.verify(code),
      }),
      submitLabel: this.t('totpVerify'),
      busyLabel: this.t('totpVerifying'),
      busy: this.calls.pending === 'verify',
      onSubmit: () => void this.verify(this.codeInput?.value ?? ''),
      actions: html`${
        this.registration?.secret
          ? html`<button part="back-button" class="secondary" type="button" @click=${this.toScanStep}>
              ${this.t('totpBack')}
            </button>`
          : nothing
      }
      ${this.renderRestart('secondary')}`,
    });
  }

  /** "Start again", when a failure calls for a new registration. */
  private renderRestart(kind: 'secondary' | ''): TemplateResult | typeof nothing {
    if (this.afterFailure !== 'restart') return nothing;
    return html`<button part="restart-button" class=${kind} type="button" @click=${() => void this.create()}>
      ${this.t('totpRestart')}
    </button>`;
  }

  private renderCodes(): TemplateResult {
    return html`<mfa-recovery-codes
      exportparts=${FORWARDED_PARTS}
      part="recovery-codes"
      .client=${this.context?.client ?? null}
      .codes=${this.codes}
      .strings=${this.strings}
      account-name=${this.account}
      @mfa-step=${this.onInnerStep}
      @mfa-recovery-codes-saved=${this.onCodesSaved}
    ></mfa-recovery-codes>`;
  }

  private renderProblem(): TemplateResult {
    return html`
      <div class="stack">
        <p part="error" role="alert">${this.errorMessage}</p>
        <div class="actions">
          ${
            this.afterFailure === 'enter-existing'
              ? html`<button part="submit-button" type="button" @click=${this.toCodeStep}>
                    ${this.t('totpEnterExisting')}
                  </button>
                  <button
                    part="restart-button"
                    class="secondary"
                    type="button"
                    @click=${() => void this.create()}
                  >
                    ${this.t('totpRestart')}
                  </button>`
              : nothing
          }
          ${this.renderRestart('')}
        </div>
      </div>
    `;
  }

  protected override render(): TemplateResult {
    if (this.step === 'scan-totp') return this.renderFrame(this.renderScan());
    if (this.step === 'enter-totp-code') return this.renderFrame(this.renderCode());
    if (this.step === 'save-recovery-codes') return this.renderFrame(this.renderCodes());
    return this.renderFrame(this.errorMessage ? this.renderProblem() : nothing);
  }
}

// The types of the element's properties and events, for `import type { … } from '…/totp-setup'`.
export type {
  StepDetail,
  TotpCreatedDetail,
  RecoveryCodesSavedDetail,
  EnrolledDetail,
  AuthenticatedDetail,
  ErrorDetail,
} from '../../events.js';
export type { MfaStrings } from '../../strings/locales.js';
export type { AuthResponse } from '../../stytch/member.js';
export type { MfaClient } from '../../stytch/types.js';
export type { Enrollment, MfaStep } from '../../types.js';

if (!customElements.get('totp-setup')) customElements.define('totp-setup', TotpSetup);

declare global {
  interface HTMLElementTagNameMap {
    'totp-setup': TotpSetup;
  }
}
