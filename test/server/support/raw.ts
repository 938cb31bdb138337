// Requests `fetch` will not send (a TRACE, a Host header of one's own, a path as typed), and what a
// server in this process writes to its logs meanwhile.
import { request, type Agent, type IncomingHttpHeaders } from 'node:http';

export interface RawReply {
  status: number;
  text: string;
  type: string;
  headers: IncomingHttpHeaders;
}

export function raw(
  base: string,
  init: { method: string; path: string; headers?: Record<string, string>; body?: string; agent?: Agent },
): Promise<RawReply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        method: init.method,
        path: init.path,
        headers: init.headers ?? {},
        agent: init.agent ?? false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text,
            type: String(res.headers['content-type'] ?? ''),
            headers: res.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Runs `work` and returns, with its result, every line written meanwhile to the console or stderr. */
export async function logsOf<T>(work: () => Promise<T>): Promise<{ result: T; logs: string }> {
  const lines: string[] = [];
  const keep =
    (name: 'error' | 'warn' | 'log' | 'info') =>
    (...args: unknown[]) =>
      lines.push(`${name}: ${args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' ')}`);
  const saved = { error: console.error, warn: console.warn, log: console.log, info: console.info };
  const write = process.stderr.write;
  console.error = keep('error');
  console.warn = keep('warn');
  console.log = keep('log');
  console.info = keep('info');
  process.stderr.write = ((chunk: unknown) => lines.push(`stderr: ${String(chunk)}`) > 0) as typeof write;
  try {
    return { result: await work(), logs: lines.join('\n') };
  } finally {
    Object.assign(console, saved);
    process.stderr.write = write;
  }
}
