// A whole page of a test's own: stored by the test server (`POST /__test/page`) and shown in an
// iframe from `/__test/page.html`, where it loads as a real page does (its own scripts, its own
// `load` event, no runner around it).

let shown = 0;

/**
 * Serves `html` as the test page and opens it in a new iframe; returns the frame at once, before
 * the page has loaded (see {@link frameLoaded}). `search` adds to the page's query (`a=1&b=2`).
 * Each page gets an address of its own, so no browser shows an earlier test's page from its cache.
 */
export async function showPage(html: string, search = ''): Promise<HTMLIFrameElement> {
  const response = await fetch('/__test/page', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ html }),
  });
  if (!response.ok) throw new Error(`/__test/page: ${response.status}`);
  shown += 1;
  const frame = document.createElement('iframe');
  frame.src = `/__test/page.html?${search ? `${search}&` : ''}page=${shown}-${Date.now()}`;
  document.body.append(frame);
  return frame;
}

/** Resolves when the frame's page has loaded (its `load` event). */
export const frameLoaded = (frame: HTMLIFrameElement): Promise<unknown> =>
  new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
