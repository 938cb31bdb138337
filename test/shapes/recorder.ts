// Opt-in recording of the emulator's answers for the shape check (scripts/response-shapes.mjs).
// Off unless EMULATOR_RESPONSES_DIR names a directory (scripts/test.mjs sets it to a temporary one
// it deletes afterwards). Every value under a key that may hold a secret or a person's contact
// (tokens, JWTs, codes, TOTP secrets, QR codes, recovery codes, phone numbers, email addresses) is
// replaced by a placeholder of the same JSON type before anything is written, so a recording holds
// shapes and enum values, never a credential.
import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { EmulatorOptions, EmulatorResponse } from '../../emulator/index.js';

const SECRET_KEY = /token|jwt|secret|code|qr|password|otp|phone_number|email_address/i;
/** Keys that match SECRET_KEY by name but hold no secret, and whose values the schemas may constrain. */
const PLAIN_KEYS = new Set(['status_code', 'country_code', 'error_type', 'sms_otp', 'has_totp']);

function redact(value: unknown, secret = false): unknown {
  if (Array.isArray(value)) return value.map((item) => redact(item, secret));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      out[key] = redact(item, secret || (SECRET_KEY.test(key) && !PLAIN_KEYS.has(key)));
    return out;
  }
  if (secret && typeof value === 'string' && value !== '') return 'redacted'; // '' can be a declared constant
  return value;
}

/** `onResponse` for `createEmulator` when EMULATOR_RESPONSES_DIR is set; nothing otherwise. */
export function recordingOptions(): Pick<EmulatorOptions, 'onResponse'> {
  const dir = process.env.EMULATOR_RESPONSES_DIR;
  if (!dir) return {};
  const file = join(dir, `${process.pid}-${randomUUID()}.jsonl`);
  return {
    onResponse(response: EmulatorResponse) {
      if (response.api === 'dev' || response.fault) return; // the emulator's own API; injected faults
      appendFileSync(file, JSON.stringify({ ...response, body: redact(response.body) }) + '\n');
    },
  };
}
