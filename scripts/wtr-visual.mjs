// Visual checks for the browser suite, in Chromium: the `visual-baseline` server command photographs a
// region of the test page, paints over what changes on every run (a QR code, a key, fresh recovery
// codes, a countdown) and compares it with test/browser/visual/baselines/NAME.png. A picture may
// differ in anti-aliased pixels and in a few more (another Chromium build, another machine); more
// than that fails and leaves the picture and a diff in test/browser/visual/failed/. `npm run test:visual:update`
// (VISUAL_UPDATE=1) writes the baselines instead.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const BASELINES = 'test/browser/visual/baselines';
const FAILED = 'test/browser/visual/failed';
/** pixelmatch's per-pixel colour distance (0–1) below which two pixels are the same. */
const PIXEL_THRESHOLD = 0.1;
/**
 * How many pixels may differ, beyond those pixelmatch takes for anti-aliasing, before a picture
 * fails. One letter changed in a title ("phone" to "phono") differs in 20; the same machine, 0.
 */
const MAX_DIFF_PIXELS = 8;
const MASK = [128, 128, 128, 255];

function paint(png, rects) {
  for (const { x, y, width, height } of rects) {
    for (let row = Math.max(0, Math.floor(y)); row < Math.min(png.height, Math.ceil(y + height)); row++) {
      for (let col = Math.max(0, Math.floor(x)); col < Math.min(png.width, Math.ceil(x + width)); col++) {
        png.data.set(MASK, (row * png.width + col) * 4);
      }
    }
  }
}

/** Compares `actual` with the baseline `name`; writes what a failure needs to be understood. */
function compare(name, actual) {
  const file = `${BASELINES}/${name}.png`;
  if (process.env.VISUAL_UPDATE === '1' || (!existsSync(file) && !process.env.CI)) {
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(file, PNG.sync.write(actual));
    return { ok: true, compared: true, message: `wrote ${file}` };
  }
  if (!existsSync(file)) {
    return {
      ok: false,
      compared: false,
      message: `no baseline ${file}: run npm run test:visual:update and commit it`,
    };
  }
  const expected = PNG.sync.read(readFileSync(file));
  const fail = (message, diff) => {
    mkdirSync(FAILED, { recursive: true });
    writeFileSync(`${FAILED}/${name}.png`, PNG.sync.write(actual));
    if (diff) writeFileSync(`${FAILED}/${name}.diff.png`, PNG.sync.write(diff));
    return { ok: false, compared: true, message: `${message} (see ${FAILED}/${name}.png)` };
  };
  if (expected.width !== actual.width || expected.height !== actual.height) {
    return fail(
      `${name}: ${actual.width}×${actual.height} px, the baseline is ${expected.width}×${expected.height}`,
    );
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const pixels = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: PIXEL_THRESHOLD,
  });
  if (pixels > MAX_DIFF_PIXELS) {
    return fail(`${name}: ${pixels} pixels differ from the baseline (at most ${MAX_DIFF_PIXELS} may)`, diff);
  }
  return { ok: true, compared: true, message: `${name}: ${pixels} pixels differ` };
}

/** The `visual-baseline` command: `{ name, clip, masks }`, rectangles in page CSS pixels. */
export const visualBaselines = {
  name: 'visual-baselines',
  async executeCommand({ command, payload, session }) {
    if (command !== 'visual-baseline') return undefined;
    if (!/^[a-z0-9-]+$/.test(payload.name)) throw new Error(`visual-baseline: bad name ${payload.name}`);
    // The baselines are Chromium pictures; other engines draw text their own way.
    const page = session.browser.getPage?.(session.id);
    if (!page || !(await page.browser().version()).includes('Chrome')) {
      return { ok: true, compared: false, message: 'not Chromium: not compared' };
    }
    const shot = await page.screenshot({ clip: payload.clip, captureBeyondViewport: true });
    const actual = PNG.sync.read(Buffer.from(shot));
    paint(
      actual,
      payload.masks.map((r) => ({ ...r, x: r.x - payload.clip.x, y: r.y - payload.clip.y })),
    );
    return compare(payload.name, actual);
  },
};
