import type { EmulatorCore } from '../core.js';
import { SchemaError, StytchError } from '../errors.js';
import { own } from '../own.js';
import type { AllowedMfaMethod, MfaMethods, MfaPolicy } from '../seed.js';
import type { OrganizationRecord } from '../state.js';

/** The fields of an organization update the emulator keeps (others Stytch takes are accepted and ignored). */
export const ORGANIZATION_UPDATE_FIELDS = {
  organization_name: 'string?',
  mfa_policy: 'string?',
  mfa_methods: 'string?',
} as const;

export interface OrganizationUpdate {
  organization_name?: string | undefined;
  mfa_policy?: string | undefined;
  mfa_methods?: string | undefined;
  allowed_mfa_methods?: string[] | undefined;
}

const POLICIES = new Set<string>(['OPTIONAL', 'REQUIRED_FOR_ALL']);
const METHOD_SETTINGS = new Set<string>(['ALL_ALLOWED', 'RESTRICTED']);
const METHODS = new Set<string>(['sms_otp', 'totp']);

const invalid = (type: string, message: string) => new StytchError(400, type, message);

/** `allowed_mfa_methods` of a body: a list of strings, or absent (a schema error otherwise). */
export function allowedMethodsOf(body: unknown): string[] | undefined {
  const value = body !== null && typeof body === 'object' ? own(body, 'allowed_mfa_methods') : undefined;
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new SchemaError([
      {
        keyword: 'type',
        dataPath: '.allowed_mfa_methods',
        schemaPath: '#/properties/allowed_mfa_methods/type',
        message: 'should be array of strings',
      },
    ]);
  }
  return [...(value as string[])];
}

/** The RBAC actions on `stytch.organization` an update needs, by the fields it sets. */
export function organizationUpdateActions(update: OrganizationUpdate): string[] {
  const actions: string[] = [];
  if (update.organization_name !== undefined) actions.push('update.info.name');
  if (update.mfa_policy !== undefined) actions.push('update.settings.mfa-policy');
  if (update.mfa_methods !== undefined || update.allowed_mfa_methods !== undefined)
    actions.push('update.settings.allowed-mfa-methods');
  return actions;
}

/**
 * Applies an update, checked whole first: a policy, a method setting and methods Stytch knows, and a
 * `RESTRICTED` setting that leaves at least one method allowed. The next sign-in reads the result.
 */
export function updateOrganization(
  core: EmulatorCore,
  org: OrganizationRecord,
  update: OrganizationUpdate,
): void {
  if (update.organization_name !== undefined && update.organization_name.trim() === '')
    throw invalid('invalid_organization_name', 'organization_name cannot be empty.');
  if (update.mfa_policy !== undefined && !POLICIES.has(update.mfa_policy))
    throw invalid('invalid_organization_mfa_policy', "mfa_policy must be 'OPTIONAL' or 'REQUIRED_FOR_ALL'.");
  if (update.mfa_methods !== undefined && !METHOD_SETTINGS.has(update.mfa_methods))
    throw invalid(
      'invalid_organization_mfa_factor_setting',
      "mfa_methods must be 'ALL_ALLOWED' or 'RESTRICTED'.",
    );
  if (update.allowed_mfa_methods?.some((method) => !METHODS.has(method)))
    throw invalid(
      'invalid_organization_allowed_mfa_methods',
      "allowed_mfa_methods may hold only 'sms_otp' and 'totp'.",
    );
  const methods = (update.mfa_methods ?? org.mfa_methods) as MfaMethods;
  const allowed = update.allowed_mfa_methods
    ? ([...new Set(update.allowed_mfa_methods)] as AllowedMfaMethod[])
    : org.allowed_mfa_methods;
  if (methods === 'RESTRICTED' && allowed.length === 0)
    throw invalid(
      'allowed_mfa_methods_required_for_restricted',
      'allowed_mfa_methods must name at least one method when mfa_methods is RESTRICTED.',
    );
  if (update.organization_name !== undefined) org.organization_name = update.organization_name;
  if (update.mfa_policy !== undefined) org.mfa_policy = update.mfa_policy as MfaPolicy;
  org.mfa_methods = methods;
  org.allowed_mfa_methods = [...allowed];
  org.updated_at = core.now();
}
