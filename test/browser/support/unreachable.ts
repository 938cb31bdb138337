// Makes the test server fail (503) or slow down the requests for some paths, as a dropped or slow
// network would when a lazily loaded module is fetched. See `/__test/unreachable` and `/__test/slow`
// in web-test-runner.config.mjs.

/** Fails every request whose path contains one of `paths`; `[]` restores them. */
export async function setUnreachable(paths: string[]): Promise<void> {
  const response = await fetch('/__test/unreachable', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ paths }),
  });
  if (!response.ok) throw new Error(`/__test/unreachable: ${response.status}`);
}

/** Answers every request whose path contains one of `paths` only after `ms`; `[]` restores them. */
export async function setSlow(paths: string[], ms: number): Promise<void> {
  const response = await fetch('/__test/slow', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ paths, ms }),
  });
  if (!response.ok) throw new Error(`/__test/slow: ${response.status}`);
}
