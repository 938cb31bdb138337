// Pictures of the elements compared with committed baselines (scripts/wtr-visual.mjs), in Chromium:
// the baselines are Chromium pictures, and the other engines draw text differently. Elsewhere the
// server compares nothing, and `matchesBaseline` says so once in the log.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { deepAll } from './shadow.js';

let toldNotCompared = false;

function pageRect(el: Element) {
  const r = el.getBoundingClientRect();
  return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
}

/**
 * Compares a picture of `el` with the baseline `name`. `masks`: selectors (matched through shadow
 * roots) of what differs on every run — a QR code, a key, fresh codes, a countdown — painted over.
 */
export async function matchesBaseline(el: Element, name: string, masks: string[] = []): Promise<void> {
  await document.fonts.ready;
  const clip = pageRect(el);
  const result: { ok: boolean; compared: boolean; message: string } = await executeServerCommand(
    'visual-baseline',
    {
      name,
      clip: { x: clip.x, y: clip.y, width: Math.ceil(clip.width), height: Math.ceil(clip.height) },
      masks: masks.flatMap((selector) => deepAll(el, selector)).map(pageRect),
    },
  );
  expect(result.ok, result.message).to.equal(true);
  if (!result.compared && !toldNotCompared) {
    toldNotCompared = true;
    console.info(`Visual baselines: ${result.message}.`);
  }
}
