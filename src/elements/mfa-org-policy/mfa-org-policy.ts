import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { emit, type MfaPolicy } from '../../events.js';
import { orgPolicy } from '../../strings/en/admin.js';
import { enroll } from '../../strings/en/enroll.js';
import { plural } from '../../strings/plural.js';
import type { MfaClient, Organization } from '../../stytch/types.js';
import { allowed, eachMember, nextAsk, policyOf } from '../admin.js';
import { FACTORS, type Factor } from '../factors.js';
import { MfaElement, type CallContext } from '../mfa-element.js';
import { styles } from './mfa-org-policy.styles.js';

/** Where the admin is: changing the form, counting who a change affects, or confirming it. */
type Phase = 'edit' | 'counting' | 'review';

/**
 * An organization's two-step verification policy, for its admins: required for every member or
 * optional, and the methods members may use — all, or a chosen set (text message, authenticator
 * app; never none). Before saving it says how many members have no method the new policy lets them
 * use and will be asked to set one up at their next sign-in (read with `organization.members.search`,
 * when the role allows `stytch.member` `search`; otherwise it says it cannot count them and saves all
 * the same); it saves with one `organization.update` call. The session's RBAC decides what can be
 * changed: whether a second step is required (`stytch.organization` `update.settings.mfa-policy`)
 * and the methods (`update.settings.allowed-mfa-methods`). A member whose role allows neither sees the
 * policy read-only, and why; one whose role allows one of them changes that part, and is told which
 * part they cannot change. Needs a full session.
 *
 * The form is the `select-method` step.
 *
 * @summary Organization admin: the MFA policy (required/optional) and allowed methods; RBAC-aware.
 * @fires {CustomEvent<StepDetail>} mfa-step - The form is shown (`select-method`).
 * @fires {CustomEvent<PolicyChangedDetail>} mfa-policy-changed - The policy was saved: `before` and `after`.
 * @fires {CustomEvent<ErrorDetail>} mfa-error - Any failure (a refusal by Stytch's RBAC is `unauthorized_action`), with a localized message.
 * @csspart policy-option - Each choice of "required" or "optional" (a label around a radio button).
 * @csspart methods-option - "All methods" or "only the methods chosen here".
 * @csspart method-option - Each method that can be chosen (a label around a checkbox).
 * @csspart read-only - Why the policy cannot be changed by this member.
 * @csspart locked - Which part of the policy this member cannot change (when they may change the other).
 * @csspart submit-button - Reviews the change (counts who it affects).
 * @csspart affected - How many members the change asks to set up a method (or that they cannot be counted).
 * @csspart confirm-button - Saves the policy.
 * @csspart cancel-button - Keeps the current policy.
 * @csspart error - Failures.
 * @csspart status - Polite announcements.
 */
export class MfaOrgPolicy extends MfaElement {
  static override styles = [...MfaElement.styles, styles];
  static override english = {
    ...MfaElement.english,
    ...orgPolicy,
    methodSms: enroll.methodSms,
    methodTotp: enroll.methodTotp,
  };

  static override get properties(): PropertyDeclarations {
    return {
      organization: { state: true, attribute: false },
      draft: { state: true, attribute: false },
      may: { state: true, attribute: false },
      phase: { state: true, attribute: false },
      affected: { state: true, attribute: false },
    };
  }

  private organization: Organization | null = null;
  /** The policy as the admin has set the form. */
  private draft: MfaPolicy = policyOf(null);
  /** What the session's roles allow. */
  private may = { policy: false, methods: false, search: false };
  private phase: Phase = 'edit';
  /** Members the reviewed change asks to set up a method; null when the role cannot search them. */
  private affected: number | null = 0;

  protected async begin(context: CallContext): Promise<void> {
    const result = await this.calls.attempt('load', async () => {
      const client = await context.api();
      const [organization, may] = await Promise.all([
        client.organization.get(),
        allowed(client, ['policy', 'methods', 'search']),
      ]);
      return { organization, may };
    });
    if (!result) return;
    this.organization = result.value.organization ?? context.who.organization;
    this.may = result.value.may;
    this.draft = policyOf(this.organization);
    this.phase = 'edit';
    this.steps.go('select-method', null);
  }

  private get saved(): MfaPolicy {
    return policyOf(this.organization);
  }

  /** The fields the admin changed, as `organization.update` takes them. */
  private get changes(): Partial<MfaPolicy> {
    const before = this.saved;
    const draft = this.draft;
    const out: Partial<MfaPolicy> = {};
    if (draft.mfa_policy !== before.mfa_policy) out.mfa_policy = draft.mfa_policy;
    const methodsChanged =
      draft.mfa_methods !== before.mfa_methods ||
      (draft.mfa_methods === 'RESTRICTED' &&
        draft.allowed_mfa_methods.join() !== before.allowed_mfa_methods.join());
    if (methodsChanged) {
      out.mfa_methods = draft.mfa_methods;
      if (draft.mfa_methods === 'RESTRICTED') out.allowed_mfa_methods = draft.allowed_mfa_methods;
    }
    return out;
  }

  private get noMethod(): boolean {
    return this.draft.mfa_methods === 'RESTRICTED' && this.draft.allowed_mfa_methods.length === 0;
  }

  private edit(change: Partial<MfaPolicy>): void {
    this.draft = { ...this.draft, ...change };
    this.phase = 'edit';
    this.status = this.errorMessage = '';
  }

  private toggleMethod(method: Factor, on: boolean): void {
    const chosen = new Set(this.draft.allowed_mfa_methods);
    if (on) chosen.add(method);
    else chosen.delete(method);
    this.edit({ allowed_mfa_methods: FACTORS.filter((f) => chosen.has(f)) });
  }

  /** Counts the members the change would ask to set up a method, then asks to confirm. */
  private async review(): Promise<void> {
    if (this.noMethod || this.calls.pending) return;
    if (Object.keys(this.changes).length === 0) {
      this.status = this.say('policyUnchanged');
      return;
    }
    const context = this.context;
    if (!context) return;
    if (!this.may.search) {
      // Without member search Stytch would refuse the count: confirm without it, and say so.
      this.affected = null;
      this.phase = 'review';
      void this.steps.focus('[part~="affected"]');
      return;
    }
    this.phase = 'counting';
    this.status = this.say('policyCounting');
    const after = this.draft;
    const result = await this.calls.attempt('count', async () => {
      let count = 0;
      await eachMember(await context.api(), (member) => {
        if (member.status && member.status !== 'active') return;
        if (nextAsk(member, after) === 'enroll') count++;
      });
      return count;
    });
    this.status = '';
    if (!result || this.draft !== after) {
      this.phase = 'edit';
      return;
    }
    this.affected = result.value;
    this.phase = 'review';
    void this.steps.focus('[part~="affected"]');
  }

  private async save(): Promise<void> {
    const context = this.context;
    if (!context) return;
    const before = this.saved;
    const changes = this.changes;
    const result = await this.calls.attempt('save', async (): Promise<Organization> => {
      const client: MfaClient = await context.api();
      const answer = await client.organization.update(changes);
      const organization = (answer as { organization?: Organization }).organization;
      return organization ?? (await client.organization.get()) ?? this.organization!;
    });
    if (!result) {
      this.phase = 'edit';
      return;
    }
    this.organization = result.value;
    this.draft = policyOf(result.value);
    this.phase = 'edit';
    this.status = this.say('policySaved');
    emit(this, 'mfa-policy-changed', { before, after: policyOf(result.value) });
    void this.steps.focus('[part~="submit-button"]');
  }

  private cancel(): void {
    this.draft = this.saved;
    this.phase = 'edit';
    void this.steps.focus('[part~="submit-button"]');
  }

  /** Whether this part alone is locked: the role may change the other part of the policy. */
  private lockedOnly(which: 'policy' | 'methods'): boolean {
    return !this.may[which] && this.may[which === 'policy' ? 'methods' : 'policy'];
  }

  /** Which part the member cannot change, inside that part (the whole policy has `read-only`). */
  private renderLocked(which: 'policy' | 'methods'): TemplateResult | typeof nothing {
    if (!this.lockedOnly(which)) return nothing;
    return html`<p id="${which}-locked" part="locked" class="muted">
      ${this.t(which === 'policy' ? 'policyRequirementLocked' : 'policyMethodsLocked')}
    </p>`;
  }

  private renderRequirement(): TemplateResult {
    const option = (value: MfaPolicy['mfa_policy'], key: 'policyRequired' | 'policyOptional') =>
      html`<label part="policy-option"
        ><input
          type="radio"
          name="policy"
          .checked=${this.draft.mfa_policy === value}
          ?disabled=${!this.may.policy}
          aria-describedby=${this.lockedOnly('policy') ? 'policy-locked' : nothing}
          @change=${() => this.edit({ mfa_policy: value })}
        />${this.t(key)}</label
      >`;
    return html`<fieldset class="group">
      <legend>${this.t('policyRequirement')}</legend>
      ${this.renderLocked('policy')} ${option('REQUIRED_FOR_ALL', 'policyRequired')}
      ${option('OPTIONAL', 'policyOptional')}
    </fieldset>`;
  }

  private renderMethods(): TemplateResult {
    const restricted = this.draft.mfa_methods === 'RESTRICTED';
    const may = this.may.methods;
    const scope = (value: MfaPolicy['mfa_methods'], key: 'policyAllMethods' | 'policyChosenMethods') =>
      html`<label part="methods-option"
        ><input
          type="radio"
          name="methods"
          .checked=${this.draft.mfa_methods === value}
          ?disabled=${!may}
          aria-describedby=${this.lockedOnly('methods') ? 'methods-locked' : nothing}
          @change=${() =>
            this.edit({
              mfa_methods: value,
              allowed_mfa_methods:
                value === 'RESTRICTED' && this.draft.allowed_mfa_methods.length === 0
                  ? [...FACTORS]
                  : this.draft.allowed_mfa_methods,
            })}
        />${this.t(key)}</label
      >`;
    const choice = (method: Factor) =>
      html`<label part="method-option" data-method=${method}
        ><input
          type="checkbox"
          .checked=${!restricted || this.draft.allowed_mfa_methods.includes(method)}
          ?disabled=${!may || !restricted}
          aria-describedby=${
            this.noMethod ? 'no-method' : this.lockedOnly('methods') ? 'methods-locked' : nothing
          }
          @change=${(event: Event) => this.toggleMethod(method, (event.target as HTMLInputElement).checked)}
        />${this.t(method === 'sms_otp' ? 'methodSms' : 'methodTotp')}</label
      >`;
    return html`<fieldset class="group">
      <legend>${this.t('policyMethods')}</legend>
      ${this.renderLocked('methods')} ${scope('ALL_ALLOWED', 'policyAllMethods')}
      ${scope('RESTRICTED', 'policyChosenMethods')}
      <div class="choices">${FACTORS.map(choice)}</div>
      ${this.noMethod ? html`<p id="no-method" part="error">${this.t('policyNoMethod')}</p>` : nothing}
    </fieldset>`;
  }

  private renderActions(): TemplateResult | typeof nothing {
    if (!this.may.policy && !this.may.methods) return nothing;
    const busy = this.calls.pending !== null;
    if (this.phase === 'review') {
      const affected = this.affected;
      const text =
        affected === null
          ? this.t('policyNotCounted')
          : affected
            ? plural(this.t('policyAffected', { count: affected }), this.localize.lang, affected)
            : this.t('policyNoneAffected');
      return html`<p part="affected" tabindex="-1">${text}</p>
        <div class="actions">
          <button
            part="confirm-button"
            class=${this.affected ? 'danger' : ''}
            type="button"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${() => void this.save()}
          >
            ${this.t('policySave')}
          </button>
          <button part="cancel-button" class="secondary" type="button" @click=${() => this.cancel()}>
            ${this.t('policyCancel')}
          </button>
        </div>`;
    }
    return html`<div class="actions">
      <button
        part="submit-button"
        type="button"
        aria-disabled=${busy || this.noMethod ? 'true' : 'false'}
        @click=${() => void this.review()}
      >
        ${this.t('policyReview')}
      </button>
    </div>`;
  }

  protected override render(): TemplateResult {
    if (!this.step) return this.renderFrame(nothing);
    const readOnly = !this.may.policy && !this.may.methods;
    return this.renderFrame(
      html`<div class="stack">
        <p part="title" class="title">${this.t('policyTitle')}</p>
        <p class="muted">${this.t('policyIntro')}</p>
        ${readOnly ? html`<p part="read-only" class="muted">${this.t('policyReadOnly')}</p>` : nothing}
        ${this.renderRequirement()} ${this.renderMethods()} ${this.renderActions()}
        <p part="error" role="alert">${this.errorMessage}</p>
      </div>`,
    );
  }
}

// The types of the element's properties and events, for `import type { … } from '…/mfa-org-policy'`.
export type { StepDetail, PolicyChangedDetail, ErrorDetail, MfaPolicy } from '../../events.js';
export type { MfaStrings } from '../../strings/locales.js';
export type { AuthResponse } from '../../stytch/member.js';
export type { MfaClient } from '../../stytch/types.js';
export type { MfaStep } from '../../types.js';

if (!customElements.get('mfa-org-policy')) customElements.define('mfa-org-policy', MfaOrgPolicy);

declare global {
  interface HTMLElementTagNameMap {
    'mfa-org-policy': MfaOrgPolicy;
  }
}
