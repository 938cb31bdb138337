// A host's own words around the kit's steps: a heading above and help text below, through the
// `heading` and `help` slots of the element the page placed, with the kit's titles hidden by
// `::part(title)` — through <mfa-flow> down to the step inside it.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/mfa-flow/mfa-flow.js';
import type { MfaFlow } from '../../../src/elements/mfa-flow/mfa-flow.js';
import { login, testClient } from '../support/client.js';
import '../support/network-guard.js';
import { deepest } from '../support/shadow.js';
import { freshVisitor } from '../support/visitor.js';
import { waitUntil } from '../support/wait.js';

const client = testClient();

describe('heading and help slots', () => {
  freshVisitor();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('.own-words mfa-flow::part(title) { display: none; }');
  before(() => (document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]));
  after(() => (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)));

  it("show the page's heading above the step and its help below, the kit's title hidden", async () => {
    const primary = await login('sms@acme.test');
    const wrapper = await fixture<HTMLElement>(
      html`<div class="own-words">
        <mfa-flow .client=${client} .authResponse=${primary}>
          <h2 slot="heading">Confirm it is you</h2>
          <p slot="help">Lost your phone? Call the help desk on 555-0100.</p>
        </mfa-flow>
      </div>`,
    );
    const el = wrapper.querySelector<MfaFlow>('mfa-flow')!;
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    const [heading, help] = ['heading', 'help'].map(
      (name) => el.shadowRoot!.querySelector<HTMLSlotElement>(`slot[name="${name}"]`)!.assignedElements()[0]!,
    );
    expect(heading.textContent).to.equal('Confirm it is you');
    expect(help.textContent).to.contain('help desk');
    const field = deepest(el, 'mfa-code-input')!.getBoundingClientRect();
    const submit = deepest(el, '[part~="submit-button"]')!.getBoundingClientRect();
    expect(heading.getBoundingClientRect().bottom).to.be.at.most(field.top);
    expect(help.getBoundingClientRect().top).to.be.at.least(submit.bottom);
    // The kit's own title ("Check your phone"), three shadow roots down, is hidden by the page.
    const title = deepest(el, '[part~="title"]')!;
    expect(title.textContent).to.equal('Check your phone');
    expect(getComputedStyle(title).display).to.equal('none');
    await expect(wrapper).to.be.accessible();
  });

  it('are empty by default: nothing is added to the step', async () => {
    const primary = await login('sms@acme.test');
    const el = await fixture<MfaFlow>(html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`);
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    const title = deepest(el, '[part~="title"]')!;
    expect(getComputedStyle(title).display).not.to.equal('none');
    for (const slot of el.shadowRoot!.querySelectorAll('slot'))
      expect(slot.assignedNodes()).to.deep.equal([]);
  });
});
