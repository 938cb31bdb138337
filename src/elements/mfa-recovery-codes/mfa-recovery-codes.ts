import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { copyText } from '../../dom/clipboard.js';
import { downloadText } from '../../dom/download.js';
import { printText } from '../../dom/print.js';
import { emit } from '../../events.js';
import { recovery } from '../../strings/en/recovery.js';
import { MfaElement, type CallContext } from '../mfa-element.js';
import { styles } from './mfa-recovery-codes.styles.js';

/**
 * Shows recovery codes and makes sure they are kept: copy all, download as a .txt file, print, and an
 * "I have saved these codes" acknowledgement before continuing. Given `codes`, it shows those (as
 * `<totp-setup>` does after enrollment); otherwise it fetches them with the member's session, and
 * with `allow-rotate` can replace them. The codes leave the DOM once saved, or when it is removed.
 *
 * @summary Show and save recovery codes (copy, download, print, acknowledge); rotate.
 * @fires {CustomEvent<StepDetail>} mfa-step - The visible step changed (`save-recovery-codes`, `done`).
 * @fires {CustomEvent<RecoveryCodesSavedDetail>} mfa-recovery-codes-saved - The member confirmed saving the codes.
 * @fires {CustomEvent<ErrorDetail>} mfa-error - Any failure, with a localized message.
 * @csspart code-list - The list of codes.
 * @csspart copy-button - Copies every code.
 * @csspart download-button - Downloads them as a .txt file.
 * @csspart print-button - Prints them.
 * @csspart rotate-button - With `allow-rotate` and a session: replaces them, once confirmed.
 * @csspart confirm-button - Confirms the replacement (the codes shown stop working).
 * @csspart cancel-button - Keeps the codes.
 * @csspart acknowledge - The "I have saved these codes" checkbox.
 * @csspart submit-button - Continue.
 * @csspart error - Failures.
 * @csspart status - Polite announcements (copied, downloaded, new codes).
 * @cssprop --mfa-code-font-family - Font of the codes (monospace by default).
 */
export class MfaRecoveryCodes extends MfaElement {
  static override styles = [...MfaElement.styles, styles];
  static override english = { ...MfaElement.english, ...recovery };

  static override get properties(): PropertyDeclarations {
    return {
      codes: { attribute: false },
      allowRotate: { type: Boolean, attribute: 'allow-rotate' },
      accountName: { attribute: 'account-name' },
      shown: { state: true, attribute: false },
      acknowledged: { state: true, attribute: false },
      confirmingRotate: { state: true, attribute: false },
    };
  }

  /** The codes to show; when null they are fetched with the member's session. */
  codes: string[] | null = null;

  /** Offer to replace the codes (needs a session). */
  allowRotate = false;

  /** Who the codes belong to, named in the downloaded and printed copies. */
  accountName = '';

  private shown: string[] | null = null;
  private acknowledged = false;
  /** The member asked for new codes: replacing them (the old stop working) awaits a confirmation. */
  private confirmingRotate = false;

  protected override forget(): void {
    this.shown = null;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('codes') && this.codes) {
      this.shown = [...this.codes];
      this.acknowledged = false;
    }
  }

  protected override prepare(): Promise<boolean> {
    // Given codes need no client: show them at once.
    if (!this.codes) return Promise.resolve(true);
    this.shown = [...this.codes];
    this.showCodes();
    return Promise.resolve(false);
  }

  protected async begin(context: CallContext): Promise<void> {
    this.status = this.say('recoveryLoading');
    const result = await this.calls.attempt('load', async () => (await context.api()).recoveryCodes.get());
    this.status = '';
    if (!result) return;
    this.shown = result.value.recovery_codes;
    this.showCodes();
  }

  /**
   * The codes step, with the keyboard on its first control: what led here (a code field, a
   * "Recovery codes" button) has left the page, and focus must not fall to it.
   */
  private showCodes(): void {
    this.steps.go('save-recovery-codes', 'recovery_code');
    void this.steps.focus('[part~="copy-button"]');
  }

  private get text(): string {
    const heading = this.t('recoveryFileHeading', {
      account: this.accountName || this.who?.member?.email_address || '',
    });
    return `${heading}\n\n${(this.shown ?? []).join('\n')}\n`;
  }

  private get who() {
    return this.context?.who;
  }

  private async onCopy(): Promise<void> {
    const copied = await copyText((this.shown ?? []).join('\n'), this.renderRoot as ShadowRoot);
    this.status = this.say(copied ? 'recoveryCopied' : 'recoveryCopyFailed');
  }

  private onDownload(): void {
    downloadText(this.t('recoveryFileName'), this.text);
    this.status = this.say('recoveryDownloaded');
  }

  private onPrint(): void {
    printText(this.t('recoveryTitle'), this.text.split('\n'));
  }

  private askToRotate(): void {
    if (this.calls.pending) return; // new codes on their way: the button only says so
    this.confirmingRotate = true;
    void this.steps.focus('[part~="cancel-button"]');
  }

  private keepCodes(): void {
    this.confirmingRotate = false;
    void this.steps.focus('[part~="rotate-button"]');
  }

  private async onRotate(): Promise<void> {
    this.confirmingRotate = false;
    // The question's buttons leave the page: the keyboard waits on "Getting new codes…" (where it
    // stays if that fails), then goes to the new codes.
    void this.steps.focus('[part~="rotate-button"]');
    const context = this.context ?? (this.context = await this.ready());
    if (!context) return;
    const result = await this.calls.attempt('rotate', async () =>
      (await context.api()).recoveryCodes.rotate(),
    );
    if (!result) return;
    this.errorMessage = '';
    this.shown = result.value.recovery_codes;
    this.acknowledged = false;
    this.status = this.say('recoveryRotated');
    // Where the member waited (unless they moved on meanwhile, say to the checkbox): to the codes.
    if (this.shadowRoot?.activeElement?.matches('[part~="rotate-button"]'))
      void this.steps.focus('[part~="copy-button"]');
  }

  private onAcknowledge(event: Event): void {
    this.acknowledged = (event.target as HTMLInputElement).checked;
    if (this.acknowledged) this.errorMessage = '';
  }

  private onContinue(): void {
    if (!this.acknowledged) {
      this.calls.fail({ code: 'codes_not_saved', key: 'recoveryAcknowledgeFirst', recoverable: true });
      this.renderRoot.querySelector<HTMLInputElement>('[part~="acknowledge"]')?.focus();
      return;
    }
    // Saved: the codes leave the DOM.
    this.shown = null;
    this.errorMessage = '';
    this.status = this.say('recoveryDone');
    emit(this, 'mfa-recovery-codes-saved', {});
    this.steps.go('done', 'recovery_code');
  }

  protected override render(): TemplateResult {
    const codes = this.shown;
    const rotating = this.calls.pending === 'rotate';
    const body =
      this.step === 'save-recovery-codes' && codes
        ? html`
            <div class="stack">
              <p part="title" class="title">${this.t('recoveryTitle')}</p>
              <p class="muted">${this.t('recoveryIntro')}</p>
              <ol part="code-list" aria-label=${this.t('recoveryListLabel')}>
                ${codes.map((code) => html`<li><code>${code}</code></li>`)}
              </ol>
              <div class="actions">
                <button part="copy-button" class="secondary" type="button" @click=${this.onCopy}>
                  ${this.t('recoveryCopy')}
                </button>
                <button part="download-button" class="secondary" type="button" @click=${this.onDownload}>
                  ${this.t('recoveryDownload')}
                </button>
                <button part="print-button" class="secondary" type="button" @click=${this.onPrint}>
                  ${this.t('recoveryPrint')}
                </button>
                ${
                  this.allowRotate && !this.codes && !this.confirmingRotate
                    ? html`<button
                        part="rotate-button"
                        class="secondary"
                        type="button"
                        aria-disabled=${rotating ? 'true' : 'false'}
                        @click=${this.askToRotate}
                      >
                        ${rotating ? this.t('recoveryRotating') : this.t('recoveryRotate')}
                      </button>`
                    : nothing
                }
              </div>
              ${
                this.confirmingRotate
                  ? html`<div class="stack">
                      <p>${this.t('recoveryRotateConfirm')}</p>
                      <div class="actions">
                        <button part="confirm-button" type="button" @click=${this.onRotate}>
                          ${this.t('recoveryRotate')}
                        </button>
                        <button part="cancel-button" class="secondary" type="button" @click=${this.keepCodes}>
                          ${this.t('recoveryRotateKeep')}
                        </button>
                      </div>
                    </div>`
                  : nothing
              }
              <label class="ack">
                <input
                  part="acknowledge"
                  type="checkbox"
                  .checked=${this.acknowledged}
                  @change=${this.onAcknowledge}
                />
                ${this.t('recoveryAcknowledge')}
              </label>
              <p part="error" role="alert">${this.errorMessage}</p>
              <div class="actions">
                <button part="submit-button" type="button" @click=${this.onContinue}>
                  ${this.t('recoveryContinue')}
                </button>
              </div>
            </div>
          `
        : html`<p part="error" role="alert">${this.errorMessage}</p>`;
    return this.renderFrame(body);
  }
}

// The types of the element's properties and events, for `import type { … } from '…/mfa-recovery-codes'`.
export type { StepDetail, RecoveryCodesSavedDetail, ErrorDetail } from '../../events.js';
export type { MfaStrings } from '../../strings/locales.js';
export type { AuthResponse } from '../../stytch/member.js';
export type { MfaClient } from '../../stytch/types.js';
export type { MfaStep } from '../../types.js';

if (!customElements.get('mfa-recovery-codes')) customElements.define('mfa-recovery-codes', MfaRecoveryCodes);

declare global {
  interface HTMLElementTagNameMap {
    'mfa-recovery-codes': MfaRecoveryCodes;
  }
}
