// How <mfa-enroll> and <mfa-settings> host a factor: which ones the organization allows, loading a
// factor's element when first needed, and the one template that renders it.
import { html, type TemplateResult } from 'lit';
import type { StepDetail } from '../events.js';
import type { MfaStrings } from '../strings/locales.js';
import type { MfaClient, Organization } from '../stytch/types.js';
import type { AuthResponse } from '../stytch/member.js';
import { FORWARDED_PARTS } from './mfa-element.js';

/** A factor a member can set up. */
export type Factor = 'sms_otp' | 'totp';
export const FACTORS: readonly Factor[] = ['sms_otp', 'totp'];

/** The factors an organization allows (`RESTRICTED` → `allowed_mfa_methods`), in the kit's order. */
export function allowedFactors(org: Organization | null | undefined): Factor[] {
  const allowed = org?.mfa_methods === 'RESTRICTED' ? (org.allowed_mfa_methods ?? []) : FACTORS;
  return FACTORS.filter((factor) => allowed.includes(factor));
}

/** Loads a factor's element (its module defines it). */
export function loadFactor(factor: Factor): Promise<unknown> {
  return factor === 'sms_otp'
    ? import('./sms-otp-input/sms-otp-input.js')
    : import('./totp-setup/totp-setup.js');
}

/** What the hosting element hands its factor. */
export interface FactorOptions {
  client: MfaClient | null;
  authResponse?: AuthResponse | null;
  organizationId: string;
  memberId: string;
  sessionDurationMinutes: number;
  strings: Partial<MfaStrings>;
  /** Phone entry's first country and the countries it accepts (`<sms-otp-input>`). */
  defaultCountry: string;
  countries: string;
  /** `enroll` for enrollment; absent to add a factor with a session as it stands. */
  enrollment?: 'enroll';
  hidden?: boolean;
  onStep: (event: CustomEvent<StepDetail>) => void;
}

/** `<sms-otp-input>` or `<totp-setup>`, its parts forwarded, its steps handed to the host. */
export function factorTemplate(factor: Factor, o: FactorOptions): TemplateResult {
  return factor === 'sms_otp'
    ? html`<sms-otp-input
        exportparts=${FORWARDED_PARTS}
        part="sms-otp-input"
        enrollment=${o.enrollment ?? ''}
        ?hidden=${o.hidden ?? false}
        .client=${o.client}
        .authResponse=${o.authResponse ?? null}
        organization-id=${o.organizationId}
        member-id=${o.memberId}
        session-duration-minutes=${o.sessionDurationMinutes}
        default-country=${o.defaultCountry}
        countries=${o.countries}
        .strings=${o.strings}
        @mfa-step=${o.onStep}
      ></sms-otp-input>`
    : html`<totp-setup
        exportparts=${FORWARDED_PARTS}
        part="totp-setup"
        enrollment=${o.enrollment ?? ''}
        ?hidden=${o.hidden ?? false}
        .client=${o.client}
        .authResponse=${o.authResponse ?? null}
        organization-id=${o.organizationId}
        member-id=${o.memberId}
        session-duration-minutes=${o.sessionDurationMinutes}
        .strings=${o.strings}
        @mfa-step=${o.onStep}
      ></totp-setup>`;
}
