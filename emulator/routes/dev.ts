import { iso } from '../clock.js';
import { parseFault } from '../faults.js';
import type { Route } from '../router.js';
import { readBody } from '../schema.js';

/**
 * The emulator's own routes under `/__emulator` (plain JSON in and out, no `data` envelope): the seed,
 * the SMS and email outboxes, reset, the clock and fault injection.
 */
const clock: Route['handle'] = (core) => ({
  now: iso(core.now()),
  offset_seconds: core.clock.offsetSeconds,
});

export const devRoutes: Route[] = [
  {
    method: 'GET',
    path: '/seed',
    handle: (core) => ({ ...structuredClone(core.options.seed), project: { ...core.options.project } }),
  },
  {
    method: 'GET',
    path: '/sms',
    handle: (core, { query }) => {
      const to = query.get('to');
      return core.state.sms_outbox.filter((m) => to === null || m.to === to);
    },
  },
  {
    method: 'GET',
    path: '/email',
    handle: (core, { query }) => {
      const to = query.get('to')?.toLowerCase();
      return core.state.email_outbox.filter((m) => to === undefined || m.to === to);
    },
  },
  {
    method: 'POST',
    path: '/reset',
    handle: (core) => {
      core.reset();
      return { ok: true };
    },
  },
  { method: 'GET', path: '/clock', handle: clock },
  {
    method: 'POST',
    path: '/clock',
    handle: (core, ctx) => {
      const b = readBody(ctx.body, { advance_seconds: 'number' });
      core.advanceClock(b.advance_seconds);
      return clock(core, ctx);
    },
  },
  { method: 'GET', path: '/faults', handle: (core) => ({ faults: core.faults.all() }) },
  {
    method: 'POST',
    path: '/faults',
    handle: (core, { body }) => {
      core.faults.add(parseFault(body));
      return { faults: core.faults.all() };
    },
  },
  {
    method: 'DELETE',
    path: '/faults',
    handle: (core) => {
      core.faults.clear();
      return { faults: [] };
    },
  },
];
