// Makes the test server fail the requests for some paths (503), as a dropped network would when a
// lazily loaded module is fetched. See `/__test/unreachable` in web-test-runner.config.mjs.

/** Fails every request whose path contains one of `paths`; `[]` restores them. */
export async function setUnreachable(paths: string[]): Promise<void> {
  const response = await fetch('/__test/unreachable', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ paths }),
  });
  if (!response.ok) throw new Error(`/__test/unreachable: ${response.status}`);
}
