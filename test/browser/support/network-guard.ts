// Fails any test during which the page broke its Content-Security-Policy (which allows only this
// origin) — that is, tried to reach another host, run inline code or load a data: image.
import { expect } from '@open-wc/testing';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  // Where and what, so that a violation seen once in CI can be traced without rerunning it.
  const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
  const target = event.target instanceof Element ? ` on <${event.target.localName}>` : '';
  const sample = event.sample ? ` (${event.sample})` : '';
  violations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}${target}${where}${sample}`,
  );
});

/** Violations recorded since the last call, then forgotten. */
export function takeViolations(): string[] {
  return violations.splice(0, violations.length);
}

// Every resource the page requested, kept here because the browser's own buffer holds only 250.
const requested: string[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) requested.push(entry.name);
}).observe({ type: 'resource', buffered: true });

/** Every URL the page has requested so far. */
export function requestedUrls(): string[] {
  return [...requested];
}

/** Every URL the page requested that was not on this origin. */
export function offOriginRequests(): string[] {
  return requested.filter((url) => new URL(url).origin !== location.origin);
}

afterEach(() => {
  // As one string: chai would print an array of them as "[ Array(1) ]".
  expect(takeViolations().join('\n'), 'Content-Security-Policy violations').to.equal('');
});
