// `Restarter` alone: an element starts from its inputs, and again from the latest ones whenever one
// changes — also while a start is under way. A minimal LitElement host; each start is the test's own.
import { expect } from '@open-wc/testing';
import { LitElement, type PropertyValues } from 'lit';
import { Restarter } from '../../../src/controllers/restart.js';
import { deferred, mount, tagFor, type Deferred } from './host.js';

interface Pass {
  restart: boolean;
  /** The inputs it went on from (read once it prepared). */
  read: { name: string; answer: object | null };
  /** Ends the pass's long step (its `begin`). */
  done: Deferred<void>;
}

class RestartHost extends LitElement {
  static override properties = { name: {}, answer: { attribute: false }, other: {} };
  name = 'first';
  answer: object | null = null;
  /** Not an input: changing it starts nothing. */
  other = '';
  readonly passes: Pass[] = [];
  readonly starts = new Restarter(this, ['name', 'answer'], async (restart) => {
    this.starts.read();
    const pass = { restart, read: { name: this.name, answer: this.answer }, done: deferred() };
    this.passes.push(pass);
    await pass.done.promise;
  });
  protected override updated(changed: PropertyValues): void {
    this.starts.changed(changed);
  }
}
const tag = tagFor('restart');
customElements.define(tag, RestartHost);

/** Lets the host render and run what a render starts. */
const settled = async (el: RestartHost) => {
  await el.updateComplete;
  await Promise.resolve();
};

describe('Restarter (start again when an input changes)', () => {
  let el: RestartHost;
  beforeEach(async () => {
    el = await mount<RestartHost>(tag);
  });

  it('starts again from the latest values when an input changes mid-start', async () => {
    const run = el.starts.run();
    expect(el.passes.map((p) => p.read.name)).to.deep.equal(['first']);
    el.name = 'second';
    await settled(el);
    el.name = 'third';
    await settled(el);
    expect(el.passes, 'no second start while one is under way').to.have.length(1);
    el.passes[0]!.done.resolve();
    await settled(el);
    expect(el.passes.map((p) => [p.restart, p.read.name])).to.deep.equal([
      [false, 'first'],
      [true, 'third'],
    ]);
    el.passes[1]!.done.resolve();
    await run;
    expect(el.passes).to.have.length(2);
  });

  it('starts again at once when an input changes after a start ended', async () => {
    const run = el.starts.run();
    el.passes[0]!.done.resolve();
    await run;
    el.name = 'second';
    await settled(el);
    expect(el.passes.map((p) => [p.restart, p.read.name])).to.deep.equal([
      [false, 'first'],
      [true, 'second'],
    ]);
    el.passes[1]!.done.resolve();
  });

  it('starts nothing for an equal plain object handed down again, or another property', async () => {
    el.answer = { member: { member_id: 'm1' } };
    const run = el.starts.run();
    el.passes[0]!.done.resolve();
    await run;
    el.answer = { member: { member_id: 'm1' } };
    el.other = 'changed';
    await settled(el);
    expect(el.starts.unchanged).to.equal(true);
    expect(el.passes).to.have.length(1);
    el.answer = { member: { member_id: 'm2' } };
    await settled(el);
    expect(el.passes).to.have.length(2);
    expect(el.passes[1]!.read.answer).to.deep.equal({ member: { member_id: 'm2' } });
    el.passes[1]!.done.resolve();
  });

  it('runs one start at a time: run() while one is under way does nothing', async () => {
    const first = el.starts.run();
    await el.starts.run();
    expect(el.passes).to.have.length(1);
    el.passes[0]!.done.resolve();
    await first;
  });

  it('starts nothing before the first start read its inputs', async () => {
    el.name = 'early';
    await settled(el);
    expect(el.passes).to.deep.equal([]);
  });
});
