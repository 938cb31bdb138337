// What `npm start` runs — the Vite dev server with the emulator — started for a test on its own port.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const LOCAL_URL = /Local:\s+(http:\/\/\S+)/;

/** The URL Vite prints, colours stripped; fails if the server exits first or after 30 s. */
async function serverUrl(child: ChildProcess): Promise<string> {
  let output = '';
  let errors = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new AbortController();
  const onExit = (code: number | null) =>
    exited.abort(
      new Error(`The dev server exited (${String(code)}) before it was ready:\n${output}${errors}`),
    );
  child.once('exit', onExit);
  const signal = AbortSignal.any([exited.signal, AbortSignal.timeout(30_000)]);
  try {
    while (!LOCAL_URL.test(output)) {
      const [chunk] = (await once(child.stdout!, 'data', { signal })) as [string];
      output += stripVTControlCharacters(chunk);
    }
  } finally {
    child.off('exit', onExit);
  }
  return LOCAL_URL.exec(output)![1]!;
}

/**
 * Starts the dev server on `port` (so a running demo does not collide), with `env` added; resolves
 * with it and its URL.
 */
export async function startDevServer(
  port: number,
  env: Record<string, string> = {},
): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  return { server, url: await serverUrl(server) };
}
