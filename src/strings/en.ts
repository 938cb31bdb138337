import { members, orgPolicy } from './en/admin.js';
import { authenticate } from './en/authenticate.js';
import { authenticateCodes } from './en/authenticate-codes.js';
import { code } from './en/code.js';
import { enroll } from './en/enroll.js';
import { factor } from './en/factor.js';
import { errors } from './en/errors.js';
import { flow } from './en/flow.js';
import { phone } from './en/phone.js';
import { recovery } from './en/recovery.js';
import { settings } from './en/settings.js';
import { shared } from './en/shared.js';
import { sms } from './en/sms.js';
import { smsPhone } from './en/sms-phone.js';
import { totp } from './en/totp.js';

/**
 * The English strings: every visible or announced string of the kit, by key. `{name}` marks a
 * value filled in at run time. Override any of them with an element's `strings` property, or add a
 * locale with `registerLocale()`.
 *
 * Each element carries only its own part (`./en/*.ts`) as its fallback, so a page loads the English
 * of the elements it shows; this whole table is for reference and for tools.
 */
export const en = {
  ...shared,
  ...errors,
  ...factor,
  ...code,
  ...phone,
  ...sms,
  ...smsPhone,
  ...totp,
  ...recovery,
  ...enroll,
  ...authenticate,
  ...authenticateCodes,
  ...flow,
  ...settings,
  ...orgPolicy,
  ...members,
} as const;

export type StringKey = keyof typeof en;

/** A full strings table: one string per key. */
export type MfaStrings = Record<StringKey, string>;
