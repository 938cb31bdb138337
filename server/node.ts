import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NodeContext } from './types.js';

type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

/** A Web `Request` for a Node request; a body Express already parsed (`express.json()`) is used as is. */
export async function toRequest(req: NodeRequest): Promise<Request> {
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  const url = new URL(
    req.originalUrl ?? req.url ?? '/',
    `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`,
  );
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  let body: string | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    if (req.body !== undefined && typeof req.body === 'object') body = JSON.stringify(req.body);
    else {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > 64 * 1024) break; // nothing the elements send is near this; the JSON will not parse
        chunks.push(chunk);
      }
      body = Buffer.concat(chunks).toString('utf8');
    }
  }
  return new Request(url, { method, headers, ...(body !== undefined ? { body } : {}) });
}

/** Writes a Web `Response` to a Node response, each `Set-Cookie` on its own. */
export async function sendResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('Set-Cookie', cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
}

export type { NodeContext };
