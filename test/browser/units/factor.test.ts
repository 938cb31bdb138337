// `FactorController` alone: sending a typed code, and a failure about it under the code field,
// which is cleared and focused again. A minimal LitElement host around the kit's own code field; a
// fake client (the call is the test's own promise: nothing here talks to Stytch).
import { expect } from '@open-wc/testing';
import { html, LitElement, type TemplateResult } from 'lit';
import { Calls } from '../../../src/controllers/calls.js';
import type { CallContext } from '../../../src/controllers/client.js';
import { FactorController, TOTP_CODE_FAILURES } from '../../../src/controllers/factor.js';
import { LocalizeController, wordsNow, type Words } from '../../../src/controllers/localize.js';
import { Steps } from '../../../src/controllers/steps.js';
import '../../../src/elements/mfa-code-input/mfa-code-input.js';
import type { MfaCodeInput } from '../../../src/elements/mfa-code-input/mfa-code-input.js';
import { errors } from '../../../src/strings/en/errors.js';
import { factor } from '../../../src/strings/en/factor.js';
import { shared } from '../../../src/strings/en/shared.js';
import type { Member, MfaClient, Organization } from '../../../src/stytch/types.js';
import { recordEvents } from '../support/events.js';
import { deferred, mount, tagFor } from './host.js';

const CLIENT = {} as MfaClient; // never called: each test's call is its own function
const WHO = {
  organizationId: 'organization-test-1',
  memberId: 'member-test-1',
  member: null,
  organization: null,
};

class FactorHost extends LitElement {
  ended = false;
  step = null;
  context: CallContext | null = { who: WHO, client: CLIENT, api: () => Promise.resolve(CLIENT) };
  private words: Words = '';
  get errorMessage(): string {
    return wordsNow(this.words);
  }
  set errorMessage(words: Words) {
    this.words = words;
    this.requestUpdate();
  }
  readonly localize = new LocalizeController(this, shared);
  readonly calls = new Calls(this, this.localize);
  readonly steps = new Steps(this);
  readonly factor = new FactorController(this, TOTP_CODE_FAILURES);
  override render(): TemplateResult {
    return html`<mfa-code-input length="6" .errorMessage=${this.factor.error}></mfa-code-input>
      <button type="button">Verify</button>
      <p part="error">${this.errorMessage}</p>`;
  }
}
const tag = tagFor('factor');
customElements.define(tag, FactorHost);

/** Stytch's answer to a wrong TOTP code, as the SDK throws it. */
const wrongCode = { status_code: 401, error_type: 'unable_to_authenticate_totp', error_message: 'wrong' };
const serverDown = { status_code: 500, error_type: 'internal_server_error', error_message: 'down' };

describe('FactorController (a typed code, and a failure about it)', () => {
  let el: FactorHost;
  let field: MfaCodeInput;
  let recorder: ReturnType<typeof recordEvents>;
  /** Whether the code field has focus (a boolean: a failed comparison of elements prints them whole). */
  const fieldFocused = () => el.shadowRoot!.activeElement === field;
  const errorPart = () => el.shadowRoot!.querySelector('[part="error"]')!.textContent!.trim();
  const elsewhere = () => el.shadowRoot!.querySelector('button')!.focus();

  beforeEach(async () => {
    el = await mount<FactorHost>(tag);
    field = el.shadowRoot!.querySelector('mfa-code-input')!;
    recorder = recordEvents();
  });
  afterEach(() => recorder.stop());

  it('refuses a code of the wrong length before any call, under the field, and focuses it', async () => {
    let called = false;
    elsewhere();
    const answer = await el.factor.verify('123', 6, async () => (called = true));
    expect(answer).to.equal(null);
    expect(called).to.equal(false);
    await el.updateComplete;
    expect(field.errorMessage).to.equal(factor.errorInvalidCode.replace('{length}', '6'));
    expect(fieldFocused()).to.equal(true);
    expect(recorder.of('mfa-error')[0]).to.include({ code: 'invalid_code', recoverable: true });
  });

  it("a code refused before sending reads as Stytch's refusal of it (the same English, written twice)", () => {
    expect(errors.errorInvalidCode).to.equal(factor.errorInvalidCode);
  });

  it('a wrong code: its message under the field, the field cleared and focused again', async () => {
    const answer = deferred<never>();
    field.value = '000000';
    const verifying = el.factor.verify('000000', 6, () => answer.promise);
    elsewhere(); // the member moved on (a click, Tab) while the code was checked
    expect(fieldFocused()).to.equal(false);
    answer.reject(wrongCode);
    expect(await verifying).to.equal(null);
    await el.updateComplete;
    expect(field.errorMessage).to.equal(errors.errorWrongCode);
    expect(field.value).to.equal('');
    expect(errorPart()).to.equal('');
    expect(fieldFocused(), 'the field is focused for the next try').to.equal(true);
    expect(recorder.of('mfa-error')[0]).to.include({ code: 'unable_to_authenticate_totp' });
  });

  it('a failure not about the code: in the error part, the field keeps its value', async () => {
    await el.factor.verify('123', 6, async () => null); // a message under the field first
    field.value = '123456';
    expect(await el.factor.verify('123456', 6, () => Promise.reject(serverDown))).to.equal(null);
    await el.updateComplete;
    expect(errorPart()).to.equal(errors.errorServer);
    expect(field.errorMessage, 'the message about the old code went').to.equal('');
    expect(field.value).to.equal('123456');
  });

  it('sends one code at a time', async () => {
    const answer = deferred<string>();
    const sent: string[] = [];
    const first = el.factor.verify('111111', 6, (client, who) => {
      expect(client === CLIENT && who === WHO).to.equal(true);
      sent.push('111111');
      return answer.promise;
    });
    expect(await el.factor.verify('222222', 6, async () => sent.push('222222'))).to.equal(null);
    answer.resolve('signed in');
    expect(await first).to.equal('signed in');
    expect(sent).to.deep.equal(['111111']);
  });

  it('a right code clears every message and resolves with the answer', async () => {
    await el.factor.verify('000000', 6, () => Promise.reject(wrongCode));
    expect(await el.factor.verify('123456', 6, async () => 'answer')).to.equal('answer');
    await el.updateComplete;
    expect(field.errorMessage).to.equal('');
    expect(errorPart()).to.equal('');
  });

  it('tells the page: enrolled, then authenticated', () => {
    const member = { member_id: 'member-test-1' } as Member;
    const organization = { organization_id: 'organization-test-1' } as Organization;
    const memberSession = { member_session_id: 's' } as never;
    el.factor.succeeded('totp', { member, organization, memberSession }, 'enroll');
    expect(recorder.names()).to.deep.equal(['mfa-enrolled', 'mfa-authenticated']);
    expect(recorder.of('mfa-authenticated')[0]).to.deep.equal({
      method: 'totp',
      member,
      organization,
      memberSession,
    });
  });
});
