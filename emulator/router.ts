import type { IncomingHttpHeaders } from 'node:http';
import type { Caller, EmulatorCore } from './core.js';
import { errors } from './errors.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export { PREFIXES } from './prefixes.js';

export interface RequestContext {
  method: Method;
  /** The path after `/sdk/v1`. */
  path: string;
  /** The path's `:name` segments, decoded. A `Map`: what a request sends is only ever a value here. */
  params: ReadonlyMap<string, string>;
  query: URLSearchParams;
  body: unknown;
  caller: Caller;
  /** The request's headers (the backend's `X-Stytch-Member-Session`, for one). */
  headers: IncomingHttpHeaders;
}

export interface Route {
  method: Method;
  /** A path after `/sdk/v1`; `:name` segments become params. */
  path: string;
  /** Routes the SDK calls without credentials (`/events`). */
  anonymous?: boolean;
  handle(core: EmulatorCore, ctx: RequestContext): unknown;
}

export type RouteMatch =
  { route: Route; params: ReadonlyMap<string, string> } | { methodNotAllowed: true } | null;

function matchPath(pattern: string, path: string): Map<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params = new Map<string, string>();
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    if (segment.startsWith(':')) {
      try {
        params.set(segment.slice(1), decodeURIComponent(got[i]!));
      } catch {
        throw errors.badRequest('A path segment is not valid %-encoding.');
      }
    } else if (segment !== got[i]) return null;
  }
  return params;
}

export function findRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  let pathExists = false;
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathExists = true;
  }
  return pathExists ? { methodNotAllowed: true } : null;
}

/** A path parameter of the matched route ('' if the route has none of that name, which finds nothing). */
export function param(params: ReadonlyMap<string, string>, name: string): string {
  return params.get(name) ?? '';
}
