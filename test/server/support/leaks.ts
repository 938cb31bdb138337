// What an answer to the browser must never hold, and the names no request may reach code through.
import { PROJECT } from '../../../emulator/index.js';

/** The project's backend credentials as the `stytch` client sends them: `Basic` + this. */
export const PROJECT_BASIC = Buffer.from(`${PROJECT.project_id}:${PROJECT.secret}`).toString('base64');

/** The project's secret, alone and in its Basic credentials. */
export const PROJECT_SECRETS = [PROJECT.secret, PROJECT_BASIC];

/** Names every plain object inherits (`constructor`, `__proto__`, `toString`, …): none is an operation. */
export const INHERITED = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];

/** What must never reach a browser: a token or secret the host holds, credentials, a stack trace. */
export function leaksIn(text: string, secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const secret of secrets)
    if (secret && text.includes(secret)) found.push(`secret ${secret.slice(0, 6)}…`);
  if (/authorization/i.test(text)) found.push('Authorization');
  if (/Basic /.test(text)) found.push('Basic ');
  if (/\bat .*:\d+:\d+|file:\/\/|node:internal|\/node_modules\//.test(text)) found.push('stack frame');
  if (text.includes(process.cwd())) found.push('absolute path');
  if (/"(session_token|session_jwt|intermediate_session_token)":"[^"]/.test(text)) found.push('token field');
  return found;
}
