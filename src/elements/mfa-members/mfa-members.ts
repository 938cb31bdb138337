import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { emit, type MemberUpdatedDetail } from '../../events.js';
import { members as membersStrings } from '../../strings/en/admin.js';
import { enroll } from '../../strings/en/enroll.js';
import { maskPhone } from '../../stytch/member.js';
import type {
  B2BOrganizationsMembersSearchOptions,
  Member,
  MfaClient,
  Organization,
} from '../../stytch/types.js';
import { field } from '../../styles/field.js';
import { rows } from '../../styles/rows.js';
import { allowed, factorsOf, nextAsk, policyOf } from '../admin.js';
import { MfaElement, type CallContext } from '../mfa-element.js';
import { styles } from './mfa-members.styles.js';

type Change = MemberUpdatedDetail['change'];

/** What each change needs of the session's roles, asks, says and calls. */
const CHANGES = {
  mfa_required: {
    permission: 'require',
    button: 'membersRequire',
    confirm: 'membersConfirmRequire',
    done: 'membersRequired',
    part: 'require-button',
    after: (m: Member): Member => ({ ...m, mfa_enrolled: true }),
    call: (client: MfaClient, id: string) =>
      client.organization.members.update({ member_id: id, mfa_enrolled: true }),
  },
  phone_removed: {
    permission: 'removePhone',
    button: 'membersRemovePhone',
    confirm: 'membersConfirmRemovePhone',
    done: 'membersPhoneRemoved',
    part: 'remove-phone-button',
    after: (m: Member): Member => ({ ...m, mfa_phone_number: '', mfa_phone_number_verified: false }),
    call: (client: MfaClient, id: string) => client.organization.members.deleteMFAPhoneNumber(id),
  },
  totp_removed: {
    permission: 'removeTotp',
    button: 'membersRemoveTotp',
    confirm: 'membersConfirmRemoveTotp',
    done: 'membersTotpRemoved',
    part: 'remove-totp-button',
    after: (m: Member): Member => ({ ...m, totp_registration_id: '' }),
    call: (client: MfaClient, id: string) => client.organization.members.deleteMFATOTP(id),
  },
} as const;

const ORDER: readonly Change[] = ['mfa_required', 'phone_removed', 'totp_removed'];

/**
 * The organization's members and their two-step verification, for its admins: set up or not, the
 * phone (masked) and whether it is verified, the authenticator app, the default method, and whether
 * a second step is required (by the organization's policy, or for that member). Searchable by email
 * and paged with the search's cursor (`organization.members.search`; only the page shown is held and
 * rendered). For an admin whose role allows it (the session's RBAC, `stytch.member`): require a
 * second step for a member (`update.settings.mfa-enrolled`), remove their phone
 * (`update.info.delete.mfa-phone`) or their authenticator app (`update.info.delete.mfa-totp`) — each
 * after a confirmation naming the member and what they will be asked at their next sign-in. The
 * admin's own row warns that removing their own method may sign them out of actions that need a
 * second step. Needs a full session.
 *
 * The list is the `select-method` step.
 *
 * @summary Organization admin: members' MFA state, searchable and paged; require MFA, remove a phone or app.
 * @fires {CustomEvent<StepDetail>} mfa-step - The list is shown (`select-method`).
 * @fires {CustomEvent<MemberUpdatedDetail>} mfa-member-updated - A member's second step changed: `{ member_id, change }`.
 * @fires {CustomEvent<ErrorDetail>} mfa-error - Any failure (a refusal by Stytch's RBAC is `unauthorized_action`), with a localized message.
 * @csspart search-input - The search field (email).
 * @csspart search-button - Runs the search.
 * @csspart member - Each member's row.
 * @csspart you - "You", on the admin's own row.
 * @csspart own-warning - On the admin's own row: removing their own method may sign them out.
 * @csspart require-button - Requires a second step for the member (asks first).
 * @csspart remove-phone-button - Removes the member's phone (asks first).
 * @csspart remove-totp-button - Removes the member's authenticator app (asks first).
 * @csspart confirmation - The confirmation: the member, and what they will be asked next time.
 * @csspart confirm-button - Confirms the change (styled as destructive, in `--mfa-color-error`).
 * @csspart cancel-button - Keeps the member as they are.
 * @csspart previous-button - The previous page.
 * @csspart next-button - The next page.
 * @csspart range - Which members of how many are shown.
 * @csspart read-only - Why this member cannot see or change the members.
 * @csspart error - Failures.
 * @csspart status - Polite announcements, and "No member matches." for an empty list.
 * @cssprop --mfa-color-border - Border between members.
 */
export class MfaMembers extends MfaElement {
  static override styles = [...MfaElement.styles, field, rows, styles];
  static override english = {
    ...MfaElement.english,
    ...membersStrings,
    methodSms: enroll.methodSms,
    methodTotp: enroll.methodTotp,
  };

  static override get properties(): PropertyDeclarations {
    return {
      pageSize: { type: Number, attribute: 'page-size' },
      organization: { state: true, attribute: false },
      may: { state: true, attribute: false },
      page: { state: true, attribute: false },
      confirming: { state: true, attribute: false },
    };
  }

  /** Members per page (1–1000). */
  pageSize = 20;

  private organization: Organization | null = null;
  private may = { search: false, require: false, removePhone: false, removeTotp: false };
  /** The page shown: its members, where it starts, the search total and the next page's cursor. */
  private page: { members: Member[]; start: number; total: number; next: string } | null = null;
  /** The cursors of the pages before this one (for "previous"), and this one's. */
  private cursors: string[] = [''];
  /** The search applied (an email or part of one). */
  private query = '';
  private confirming: { memberId: string; change: Change } | null = null;

  protected async begin(context: CallContext): Promise<void> {
    const result = await this.calls.attempt('load', async () => {
      const client = await context.api();
      const [organization, may] = await Promise.all([
        client.organization.get(),
        allowed(client, ['search', 'require', 'removePhone', 'removeTotp']),
      ]);
      return { organization, may };
    });
    if (!result) return;
    this.organization = result.value.organization ?? context.who.organization;
    this.may = result.value.may;
    this.cursors = [''];
    this.page = null;
    if (this.may.search) await this.load(false);
    this.steps.go('select-method', null);
  }

  private get limit(): number {
    const size = Math.floor(Number(this.pageSize));
    return size >= 1 ? Math.min(size, 1000) : 20;
  }

  /**
   * Reads the page at `cursors.at(-1)`, then (unless it is the first page shown) announces which
   * members of how many it shows, as the range beside the buttons says only to those who see it;
   * a page without members says so, first or not.
   */
  private async load(announce = true): Promise<boolean> {
    const context = this.context;
    if (!context) return false;
    const cursor = this.cursors.at(-1) ?? '';
    const options: B2BOrganizationsMembersSearchOptions = { limit: this.limit };
    if (cursor) options.cursor = cursor;
    if (this.query) {
      options.query = {
        operator: 'AND',
        operands: [{ filter_name: 'member_email_fuzzy', filter_value: this.query }],
      };
    }
    this.status = this.say('membersLoading');
    const result = await this.calls.attempt('search', async () =>
      (await context.api()).organization.members.search(options),
    );
    this.status = '';
    if (!result) return false;
    const answer = result.value;
    this.errorMessage = '';
    this.confirming = null;
    const page = {
      members: answer.members,
      start: (this.cursors.length - 1) * this.limit,
      total: answer.results_metadata?.total ?? answer.members.length,
      next: answer.results_metadata?.next_cursor ?? '',
    };
    this.page = page;
    // No match is always said (the status part is where it shows); a page of members, unless first.
    if (!page.members.length) this.status = this.say('membersEmpty');
    else if (announce)
      this.status = this.say('membersShown', {
        from: page.start + 1,
        to: page.start + page.members.length,
        total: page.total,
      });
    return true;
  }

  private async search(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.calls.pending) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('[part~="search-input"]');
    const query = (input?.value ?? '').trim();
    // Stytch refuses a fuzzy email search under 3 characters: say so before asking, keep the text.
    if (query.length > 0 && query.length < 3) {
      this.errorMessage = this.say('membersSearchTooShort');
      input?.focus();
      return;
    }
    this.query = query;
    this.cursors = [''];
    await this.load();
  }

  private async turn(forward: boolean): Promise<void> {
    const page = this.page;
    if (!page || this.calls.pending) return;
    if (forward ? !page.next : this.cursors.length < 2) return;
    const before = this.cursors;
    this.cursors = forward ? [...before, page.next] : before.slice(0, -1);
    if (!(await this.load())) this.cursors = before;
  }

  private nameOf(member: Member): string {
    return member.email_address || member.name || member.member_id;
  }

  private methodName(method: string): string {
    return this.t(method === 'sms_otp' ? 'methodSms' : 'methodTotp');
  }

  /** What the member will be asked at their next sign-in after a change. */
  private nextTime(after: Member): string {
    const ask = nextAsk(after, policyOf(this.organization));
    if (ask === 'nothing') return this.t('membersNextNothing');
    if (ask === 'enroll') return this.t('membersNextEnroll');
    return this.t('membersNextMethod', { method: this.methodName(ask) });
  }

  private ask(member: Member, change: Change): void {
    this.confirming = { memberId: member.member_id, change };
    this.status = '';
    void this.steps.focus('[part~="confirmation"] [part~="cancel-button"]');
  }

  private cancel(): void {
    const confirming = this.confirming;
    this.confirming = null;
    if (confirming) void this.focusRow(confirming.memberId, CHANGES[confirming.change].part);
  }

  /**
   * Focuses a control of a member's row: that one, else the row's first button, else the member's
   * name (when the change left the row no button), so the keyboard stays where it was.
   */
  private async focusRow(memberId: string, part: string): Promise<void> {
    await this.updateComplete;
    const row = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="member"]')].find(
      (li) => li.dataset.memberId === memberId,
    );
    (
      row?.querySelector<HTMLElement>(`[part~="${part}"]`) ??
      row?.querySelector<HTMLElement>('button') ??
      row?.querySelector<HTMLElement>('.who')
    )?.focus();
  }

  private async confirm(member: Member, change: Change): Promise<void> {
    const context = this.context;
    if (!context) return;
    const spec = CHANGES[change];
    const result = await this.calls.attempt(change, async () =>
      spec.call(await context.api(), member.member_id),
    );
    if (!result) return;
    const updated = (result.value as { member?: Member }).member ?? spec.after(member);
    const page = this.page;
    if (page) {
      const members = page.members.slice();
      const index = members.findIndex((m) => m.member_id === member.member_id);
      if (index >= 0) members[index] = updated;
      this.page = { ...page, members };
    }
    this.confirming = null;
    this.errorMessage = '';
    const name = this.nameOf(updated);
    this.status = () => this.t(spec.done, { member: name });
    emit(this, 'mfa-member-updated', { member_id: member.member_id, change });
    void this.focusRow(member.member_id, spec.part);
  }

  private renderFacts(member: Member): TemplateResult {
    const has = factorsOf(member);
    const facts: string[] = [this.t(has.length ? 'membersEnrolled' : 'membersNotEnrolled')];
    if (member.mfa_phone_number) {
      const phone = maskPhone(member.mfa_phone_number);
      facts.push(
        this.t(member.mfa_phone_number_verified ? 'membersPhone' : 'membersPhoneUnverified', { phone }),
      );
    }
    if (member.totp_registration_id) facts.push(this.t('membersTotp'));
    if (has.length && member.default_mfa_method) {
      facts.push(this.t('membersDefault', { method: this.methodName(member.default_mfa_method) }));
    }
    const byPolicy = this.organization?.mfa_policy === 'REQUIRED_FOR_ALL';
    facts.push(
      this.t(
        byPolicy
          ? 'membersRequiredByPolicy'
          : member.mfa_enrolled
            ? 'membersRequiredForMember'
            : 'membersNotRequired',
      ),
    );
    return html`<p class="muted">${facts.join(' · ')}</p>`;
  }

  /** The changes the admin may make to a member now. */
  private changesFor(member: Member): Change[] {
    const required = this.organization?.mfa_policy === 'REQUIRED_FOR_ALL' || member.mfa_enrolled;
    return ORDER.filter((change) => {
      if (!this.may[CHANGES[change].permission]) return false;
      if (change === 'mfa_required') return !required;
      if (change === 'phone_removed') return Boolean(member.mfa_phone_number);
      return Boolean(member.totp_registration_id);
    });
  }

  private renderMember(member: Member): TemplateResult {
    const own = member.member_id === this.context?.who.memberId;
    const changes = this.changesFor(member);
    const confirming = this.confirming?.memberId === member.member_id ? this.confirming.change : null;
    const busy = this.calls.pending !== null;
    const removable = changes.some((change) => change !== 'mfa_required');
    const warning =
      own && removable ? html`<p part="own-warning">${this.t('membersOwnWarning')}</p>` : nothing;
    let actions: TemplateResult | typeof nothing = nothing;
    if (confirming) {
      const spec = CHANGES[confirming];
      const name = this.nameOf(member);
      actions = html`<div
        part="confirmation"
        role="group"
        aria-label=${this.t(spec.confirm, { member: name })}
      >
        <p>${this.t(spec.confirm, { member: name })}</p>
        <p class="muted">${this.nextTime(spec.after(member))}</p>
        <div class="actions">
          <button
            part="confirm-button"
            class="danger"
            type="button"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${() => void this.confirm(member, confirming)}
          >
            ${this.t(spec.button)}
          </button>
          <button part="cancel-button" class="secondary" type="button" @click=${() => this.cancel()}>
            ${this.t('membersCancel')}
          </button>
        </div>
      </div>`;
    } else if (changes.length) {
      actions = html`<div class="actions">
        ${changes.map(
          (change) =>
            html`<button
              part=${CHANGES[change].part}
              class="secondary"
              type="button"
              @click=${() => this.ask(member, change)}
            >
              ${this.t(CHANGES[change].button)}
            </button>`,
        )}
      </div>`;
    }
    return html`<li part="member" class="row" data-member-id=${member.member_id}>
      <p class="who" tabindex="-1">
        <span class="name" translate="no">${this.nameOf(member)}</span>
        ${own ? html`<span part="you">${this.t('membersYou')}</span>` : nothing}
      </p>
      ${this.renderFacts(member)} ${warning} ${actions}
    </li>`;
  }

  private renderPaging(page: NonNullable<MfaMembers['page']>): TemplateResult {
    const busy = this.calls.pending !== null;
    const range = page.members.length
      ? this.t('membersRange', {
          from: page.start + 1,
          to: page.start + page.members.length,
          total: page.total,
        })
      : '';
    return html`<div class="actions paging">
      <button
        part="previous-button"
        class="secondary"
        type="button"
        aria-disabled=${busy || this.cursors.length < 2 ? 'true' : 'false'}
        @click=${() => void this.turn(false)}
      >
        ${this.t('membersPrevious')}
      </button>
      <span part="range">${range}</span>
      <button
        part="next-button"
        class="secondary"
        type="button"
        aria-disabled=${busy || !page.next ? 'true' : 'false'}
        @click=${() => void this.turn(true)}
      >
        ${this.t('membersNext')}
      </button>
    </div>`;
  }

  private renderList(): TemplateResult {
    const page = this.page;
    const editable = this.may.require || this.may.removePhone || this.may.removeTotp;
    return html`
      ${editable ? nothing : html`<p part="read-only" class="muted">${this.t('membersReadOnly')}</p>`}
      <form role="search" @submit=${(event: SubmitEvent) => void this.search(event)}>
        <div class="field">
          <label for="search">${this.t('membersSearchLabel')}</label>
          <input id="search" part="search-input" type="search" autocomplete="off" .value=${this.query} />
        </div>
        <button part="search-button" class="secondary" type="submit">${this.t('membersSearch')}</button>
      </form>
      ${
        // No match is said by the status part, which announces it.
        page?.members.length
          ? html`<ul class="rows" aria-label=${this.t('membersListLabel')}>
              ${page.members.map((member) => this.renderMember(member))}
            </ul>`
          : nothing
      }
      ${page ? this.renderPaging(page) : nothing}
    `;
  }

  protected override render(): TemplateResult {
    if (!this.step) return this.renderFrame(nothing);
    return this.renderFrame(
      html`<div class="stack">
        <p part="title" class="title">${this.t('membersTitle')}</p>
        ${
          this.may.search
            ? this.renderList()
            : html`<p part="read-only" class="muted">${this.t('membersNoAccess')}</p>`
        }
        <p part="error" role="alert">${this.errorMessage}</p>
      </div>`,
    );
  }
}

// The types of the element's properties and events, for `import type { … } from '…/mfa-members'`.
export type { StepDetail, MemberUpdatedDetail, ErrorDetail } from '../../events.js';
export type { MfaStrings } from '../../strings/locales.js';
export type { AuthResponse } from '../../stytch/member.js';
export type { MfaClient } from '../../stytch/types.js';
export type { MfaStep } from '../../types.js';

if (!customElements.get('mfa-members')) customElements.define('mfa-members', MfaMembers);

declare global {
  interface HTMLElementTagNameMap {
    'mfa-members': MfaMembers;
  }
}
