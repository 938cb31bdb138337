import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { emit, type StepDetail } from '../../events.js';
import { enroll } from '../../strings/en/enroll.js';
import { settings } from '../../strings/en/settings.js';
import { maskPhone } from '../../stytch/member.js';
import { rows } from '../../styles/rows.js';
import type { MfaClient, Member, Organization } from '../../stytch/types.js';
import { allowedFactors, factorTemplate, FACTORS, loadFactor, type Factor as Method } from '../factors.js';
import { MfaElement, type CallContext } from '../mfa-element.js';
import { FORWARDED_PARTS } from '../mfa-element.js';
import { styles } from './mfa-settings.styles.js';

/** What the member is doing besides looking at the overview. */
type Panel = { kind: 'add'; method: Method } | { kind: 'recovery-codes' };

/**
 * The signed-in member's two-step verification: each method the organization allows, set up or not;
 * the default one; adding one (`<sms-otp-input>` or `<totp-setup>`, their steps becoming this
 * element's), removing one (after a confirmation, saying when it is the last), seeing and replacing
 * recovery codes, and — where the organization leaves it to the member (`OPTIONAL`) — whether a
 * second step is asked for at every sign-in. Needs a full session: it reads the member through the
 * client.
 *
 * The overview is the `select-method` step; while a method is added, the steps are that factor's.
 *
 * @summary Signed-in member: methods, default, add/remove, MFA on or off, recovery codes.
 * @fires {CustomEvent<StepDetail>} mfa-step - The visible step changed (`select-method`, then the factor's steps).
 * @fires {CustomEvent<EnrolledDetail>} mfa-enrolled - A method was added (method: that one), or the member turned the second step on (method: their default).
 * @fires {CustomEvent<UnenrolledDetail>} mfa-unenrolled - A method was removed, or the member turned the second step off.
 * @fires {CustomEvent<SmsSentDetail>} mfa-sms-sent - From the SMS factor, while adding it.
 * @fires {CustomEvent<TotpCreatedDetail>} mfa-totp-created - From the TOTP factor, while adding it.
 * @fires {CustomEvent<RecoveryCodesSavedDetail>} mfa-recovery-codes-saved - The member saved recovery codes.
 * @fires {CustomEvent<AuthenticatedDetail>} mfa-authenticated - From a factor just added (the session now has it).
 * @fires {CustomEvent<ErrorDetail>} mfa-error - Any failure, with a localized message.
 * @csspart method - Each method's row.
 * @csspart add-button - Sets up a method.
 * @csspart remove-button - Removes a method (asks first).
 * @csspart confirm-button - Confirms the removal (styled as destructive, in `--mfa-color-error`).
 * @csspart cancel-button - Keeps the method.
 * @csspart default-button - Makes a method the default.
 * @csspart toggle-button - Whether a second step is asked for at every sign-in (`aria-pressed`).
 * @csspart toggle-state - The toggle's state in words ("On", "Off"); hidden from assistive technology,
 *   which hears `aria-pressed`, so the button's name stays the same when it changes.
 * @csspart recovery-codes-button - Shows the recovery codes.
 * @csspart back-button - Back to the overview.
 * @csspart sms-otp-input - The SMS factor element, while adding it.
 * @csspart totp-setup - The TOTP factor element, while adding it.
 * @csspart recovery-codes - The `<mfa-recovery-codes>` element.
 * @csspart error - Failures.
 * @csspart status - Polite announcements.
 * @cssprop --mfa-color-border - Border between methods.
 */
export class MfaSettings extends MfaElement {
  static override styles = [...MfaElement.styles, rows, styles];
  static override english = {
    ...MfaElement.english,
    ...settings,
    methodSms: enroll.methodSms,
    methodTotp: enroll.methodTotp,
  };

  static override get properties(): PropertyDeclarations {
    return {
      defaultCountry: { attribute: 'default-country' },
      countries: {},
      member: { state: true, attribute: false },
      organization: { state: true, attribute: false },
      panel: { state: true, attribute: false },
      confirming: { state: true, attribute: false },
    };
  }

  /** Phone entry's first country (ISO 3166 alpha-2, e.g. `GB`); else the browser's region. */
  defaultCountry = '';

  /** The countries phone entry accepts (`"US CA GB"`): others are refused before sending. Empty: all. */
  countries = '';

  private member: Member | null = null;
  private organization: Organization | null = null;
  private panel: Panel | null = null;
  /** The method whose removal awaits confirmation. */
  private confirming: Method | null = null;

  protected async begin(context: CallContext): Promise<void> {
    let { member, organization } = context.who;
    if (!member || !organization) {
      // Named by attributes: read the signed-in member and organization through the client.
      const result = await this.calls.attempt('load', async () => {
        const client = await context.api();
        return { member: await client.self.get(), organization: await client.organization.get() };
      });
      if (!result) return;
      ({ member, organization } = result.value);
    }
    this.member = member;
    this.organization = organization;
    this.showOverview();
  }

  /** The methods shown: those the organization allows, and any the member has anyway. */
  private get offered(): Method[] {
    const org = this.organization;
    const allowed = allowedFactors(org);
    return FACTORS.filter((method) => allowed.includes(method) || this.has(method));
  }

  private has(method: Method): boolean {
    const member = this.member;
    if (!member) return false;
    return method === 'sms_otp' ? member.mfa_phone_number_verified : Boolean(member.totp_registration_id);
  }

  private get required(): boolean {
    return this.organization?.mfa_policy === 'REQUIRED_FOR_ALL';
  }

  private name(method: Method): string {
    return this.t(method === 'sms_otp' ? 'methodSms' : 'methodTotp');
  }

  private showOverview(focus?: string): void {
    this.panel = null;
    this.confirming = null;
    this.steps.go('select-method', null);
    if (focus) void this.steps.focus(focus);
  }

  /** Runs one change through the member's session; the answer's member replaces ours. */
  private async change(
    name: string,
    call: (client: MfaClient) => Promise<{ member: Member }>,
  ): Promise<Member | null> {
    const context = this.context;
    if (!context) return null;
    const result = await this.calls.attempt(name, async () => call(await context.api()));
    if (!result) return null;
    this.errorMessage = '';
    this.member = result.value.member;
    return this.member;
  }

  private async removeMethod(method: Method): Promise<void> {
    const member = await this.change('remove', (client) =>
      method === 'sms_otp' ? client.self.deleteMFAPhoneNumber() : client.self.deleteMFATOTP(),
    );
    if (!member) return;
    this.confirming = null;
    this.status = () => this.t('settingsRemoved', { method: this.name(method) });
    emit(this, 'mfa-unenrolled', { method, member });
    void this.steps.focus(`[data-method="${method}"] [part~="add-button"]`);
  }

  private async makeDefault(method: Method): Promise<void> {
    if (!(await this.change('default', (client) => client.self.update({ default_mfa_method: method }))))
      return;
    this.status = () => this.t('settingsDefaultSet', { method: this.name(method) });
  }

  private async toggle(): Promise<void> {
    const on = !this.member?.mfa_enrolled;
    const first = this.offered.find((method) => this.has(method));
    if (on && !first) {
      this.status = this.say('settingsNeedMethod');
      return;
    }
    const member = await this.change('toggle', (client) => client.self.update({ mfa_enrolled: on }));
    if (!member) return;
    const method = (member.default_mfa_method || first || 'sms_otp') as Method;
    this.status = this.say(on ? 'settingsTurnedOn' : 'settingsTurnedOff');
    if (on && this.organization)
      emit(this, 'mfa-enrolled', { method, member, organization: this.organization });
    if (!on) emit(this, 'mfa-unenrolled', { method, member });
  }

  /** An inner element's step: relayed, until it is done — then back to the overview. */
  private onInnerStep(event: CustomEvent<StepDetail>): void {
    if (event.target === this) return;
    if (event.detail.step !== 'done') {
      this.steps.relay(event);
      return;
    }
    event.stopPropagation();
    void this.finish(this.panel);
  }

  /** An inner element is done: after adding a method, the member is read again to show it. */
  private async finish(panel: Panel | null): Promise<void> {
    const context = this.context;
    if (panel?.kind === 'add' && context) {
      const added = panel.method;
      this.status = () => this.t('settingsAdded', { method: this.name(added) });
      const member = await (await context.api()).self.get().catch(() => null);
      if (member) this.member = member;
      const organization = this.organization;
      if (member && organization) emit(this, 'mfa-enrolled', { method: added, member, organization });
    }
    this.showOverview(this.returnFocus(panel));
  }

  private renderMethod(method: Method): TemplateResult {
    const member = this.member;
    const has = this.has(method);
    const isDefault = has && member?.default_mfa_method === method;
    const detail = has
      ? method === 'sms_otp'
        ? // Left to right in any language, as it is dialled (an RTL row would draw "101•••1+").
          html`<span dir="ltr">${maskPhone(member?.mfa_phone_number ?? '')}</span>`
        : this.t('settingsActive')
      : this.t('settingsNotSetUp');
    const busy = this.calls.pending !== null;
    let actions: TemplateResult;
    if (this.confirming === method) {
      const last = this.offered.filter((m) => this.has(m)).length === 1;
      actions = html`
        <p>${this.t('settingsRemoveConfirm', { method: this.name(method) })}</p>
        ${last && (this.required || member?.mfa_enrolled) ? html`<p class="muted">${this.t('settingsRemoveLast')}</p>` : nothing}
        <div class="actions">
          <button
            part="confirm-button"
            class="danger"
            type="button"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${() => void this.removeMethod(method)}
          >
            ${this.t('settingsRemove')}
          </button>
          <button
            part="cancel-button"
            class="secondary"
            type="button"
            @click=${() => this.showOverview(`[data-method="${method}"] [part~="remove-button"]`)}
          >
            ${this.t('settingsKeep')}
          </button>
        </div>
      `;
    } else if (has) {
      actions = html`<div class="actions">
        ${
          isDefault
            ? nothing
            : html`<button
                part="default-button"
                class="secondary"
                type="button"
                aria-disabled=${busy ? 'true' : 'false'}
                @click=${() => void this.makeDefault(method)}
              >
                ${this.t('settingsMakeDefault')}
              </button>`
        }
        <button part="remove-button" class="secondary" type="button" @click=${() => this.askToRemove(method)}>
          ${this.t('settingsRemove')}
        </button>
      </div>`;
    } else {
      actions = html`<div class="actions">
        <button part="add-button" class="secondary" type="button" @click=${() => void this.add(method)}>
          ${this.t('settingsAdd')}
        </button>
      </div>`;
    }
    return html`<li part="method" class="row" data-method=${method}>
      <p>
        <span class="name">${this.name(method)}</span>
        <span class="muted">${detail}${isDefault ? html` · ${this.t('settingsDefault')}` : nothing}</span>
      </p>
      ${actions}
    </li>`;
  }

  private askToRemove(method: Method): void {
    this.confirming = method;
    void this.steps.focus('[part~="cancel-button"]');
  }

  /** Sets up a method: its element loads when first needed. */
  private async add(method: Method): Promise<void> {
    if (!(await this.calls.loaded(loadFactor(method)))) return;
    this.status = '';
    this.panel = { kind: 'add', method };
  }

  private async showRecoveryCodes(): Promise<void> {
    if (!(await this.calls.loaded(import('../mfa-recovery-codes/mfa-recovery-codes.js')))) return;
    this.status = '';
    this.panel = { kind: 'recovery-codes' };
  }

  /** Where focus goes back to when a panel closes. */
  private returnFocus(panel: Panel | null): string | undefined {
    if (panel?.kind === 'recovery-codes') return '[part~="recovery-codes-button"]';
    if (panel?.kind === 'add') {
      const button = this.has(panel.method) ? 'remove-button' : 'add-button';
      return `[data-method="${panel.method}"] [part~="${button}"]`;
    }
    return undefined;
  }

  private renderToggle(): TemplateResult {
    if (this.required) return html`<p class="muted">${this.t('settingsRequired')}</p>`;
    const on = Boolean(this.member?.mfa_enrolled);
    const possible = on || this.offered.some((method) => this.has(method));
    return html`<button
        part="toggle-button"
        class="secondary toggle"
        type="button"
        aria-pressed=${on ? 'true' : 'false'}
        aria-disabled=${possible && this.calls.pending === null ? 'false' : 'true'}
        aria-describedby=${possible ? nothing : 'need-method'}
        @click=${() => void this.toggle()}
      >
        ${this.t('settingsToggle')}
        <span part="toggle-state" class="state" aria-hidden="true"
          >${this.t(on ? 'settingsOn' : 'settingsOff')}</span
        >
      </button>
      ${possible ? nothing : html`<p id="need-method" class="muted">${this.t('settingsNeedMethod')}</p>`}`;
  }

  private renderOverview(): TemplateResult {
    return html`<div class="stack">
      <p part="title" class="title">${this.t('settingsTitle')}</p>
      <p class="muted">${this.t('settingsIntro')}</p>
      ${this.renderToggle()}
      <ul class="rows" aria-label=${this.t('settingsMethodsLabel')}>
        ${this.offered.map((method) => this.renderMethod(method))}
      </ul>
      ${
        this.has('totp')
          ? html`<button
              part="recovery-codes-button"
              class="link"
              type="button"
              @click=${() => void this.showRecoveryCodes()}
            >
              ${this.t('settingsRecoveryCodes')}
            </button>`
          : nothing
      }
      <p part="error" role="alert">${this.errorMessage}</p>
    </div>`;
  }

  private renderPanel(panel: Panel): TemplateResult {
    const who = this.context?.who;
    let body: TemplateResult;
    if (panel.kind === 'recovery-codes') {
      body = html`<mfa-recovery-codes
        exportparts=${FORWARDED_PARTS}
        part="recovery-codes"
        allow-rotate
        .client=${this.client}
        .strings=${this.strings}
        @mfa-step=${this.onInnerStep}
      ></mfa-recovery-codes>`;
    } else {
      body = factorTemplate(panel.method, {
        client: this.client,
        organizationId: who?.organizationId ?? '',
        memberId: who?.memberId ?? '',
        sessionDurationMinutes: this.sessionDurationMinutes,
        defaultCountry: this.defaultCountry,
        countries: this.countries,
        strings: this.strings,
        onStep: this.onInnerStep,
      });
    }
    return html`<div class="stack">
      ${body}
      <button
        part="back-button"
        class="link"
        type="button"
        @click=${() => this.showOverview(this.returnFocus(this.panel))}
      >
        ${this.t('settingsBack')}
      </button>
    </div>`;
  }

  protected override render(): TemplateResult {
    if (!this.step) return this.renderFrame(nothing);
    return this.renderFrame(this.panel ? this.renderPanel(this.panel) : this.renderOverview());
  }
}

// The types of the element's properties and events, for `import type { … } from '…/mfa-settings'`.
export type {
  StepDetail,
  EnrolledDetail,
  UnenrolledDetail,
  SmsSentDetail,
  TotpCreatedDetail,
  RecoveryCodesSavedDetail,
  AuthenticatedDetail,
  ErrorDetail,
} from '../../events.js';
export type { MfaStrings } from '../../strings/locales.js';
export type { AuthResponse } from '../../stytch/member.js';
export type { MfaClient } from '../../stytch/types.js';
export type { MfaStep } from '../../types.js';

if (!customElements.get('mfa-settings')) customElements.define('mfa-settings', MfaSettings);

declare global {
  interface HTMLElementTagNameMap {
    'mfa-settings': MfaSettings;
  }
}
