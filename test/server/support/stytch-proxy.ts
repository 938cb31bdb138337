// A loopback HTTP server between the official `stytch` client and the emulator, for what the
// emulator does not do itself: answer a route with a redirect, change what Stytch says, or hold an
// answer until the test lets it go.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** What the proxy does with the requests to one path (as the client sends it: `/v1/b2b/…`), or `*`. */
export interface Rule {
  /** Answers in Stytch's place; the emulator never sees the request. */
  answer?: (request: IncomingMessage) => Answer;
  /** Changes Stytch's JSON answer before the client gets it. */
  rewrite?: (json: any) => unknown;
  /** Sends Stytch's answer with this status instead of its own. */
  status?: number;
  /** Sends the answer only once this settles. */
  hold?: Promise<void>;
}

export interface StytchProxy {
  /** The base URL to give `new B2BClient({ env })`. */
  base: string;
  rules: Map<string, Rule>;
  /** Settles once an answer to `path` has been written out to the client. */
  delivered(path: string): Promise<void>;
  close(): Promise<void>;
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export async function startProxy(target: () => string): Promise<StytchProxy> {
  const rules = new Map<string, Rule>();
  const waiting = new Map<string, (() => void)[]>();
  const done = (path: string) => {
    for (const resolve of waiting.get(path) ?? []) resolve();
    waiting.delete(path);
  };

  async function forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://proxy.invalid').pathname;
    const rule = rules.get(path) ?? rules.get('*');
    const body = await readAll(request);
    let answer: Answer;
    if (rule?.answer) answer = rule.answer(request);
    else {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers))
        if (typeof value === 'string' && name !== 'host' && name !== 'content-length')
          headers.set(name, value);
      const upstream = await fetch(`${target()}${request.url ?? '/'}`, {
        method: request.method ?? 'GET',
        headers,
        ...(body.length ? { body } : {}),
      });
      let text = await upstream.text();
      if (rule?.rewrite) text = JSON.stringify(rule.rewrite(JSON.parse(text)));
      answer = {
        status: rule?.status ?? upstream.status,
        headers: { 'Content-Type': 'application/json' },
        body: text,
      };
    }
    if (rule?.hold) await rule.hold;
    response.writeHead(answer.status, answer.headers ?? {});
    response.end(answer.body, () => done(path));
  }

  const server: Server = createServer((request, response) => {
    forward(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    rules,
    delivered: (path) => new Promise((resolve) => waiting.set(path, [...(waiting.get(path) ?? []), resolve])),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
