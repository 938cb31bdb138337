import type { Member, Organization } from '@stytch/vanilla-js/b2b/headless';
import type { EmulatorCore } from '../core.js';
import { errors, StytchError } from '../errors.js';
import { isRecord, own } from '../own.js';
import { toMember, toOrganization } from '../serialize.js';
import type { MemberRecord } from '../state.js';
import { rolesOf } from './rbac.js';

/**
 * `members.search` as Stytch answers it: a `query` of `AND`/`OR` operands, pages of `limit` (100 by
 * default, at most 1000) and a `next_cursor` for the next one. One pass over the members per page,
 * each operand checked in constant time (its values in a `Set`), so a page of an organization of
 * thousands is one linear scan, and walking every page never repeats or skips a member.
 */

type Predicate = (member: MemberRecord) => boolean;

const searchError = (type: string, message: string) => new StytchError(400, type, message);

const STATUSES = new Set(['active', 'pending', 'invited', 'deleted']);

/** Each operand Stytch documents for member search, with what its value must be and the error when missing. */
const FILTERS = new Map<
  string,
  { kind: 'strings' | 'string' | 'boolean'; missing: string; make: (value: never) => Predicate }
>([
  [
    'member_ids',
    {
      kind: 'strings',
      missing: 'member_search_missing_member_ids',
      make: (ids: Set<string>) => (m) => ids.has(m.member_id),
    },
  ],
  [
    'member_emails',
    {
      kind: 'strings',
      missing: 'member_search_missing_member_emails',
      make: (emails: Set<string>) => {
        const wanted = new Set([...emails].map((e) => e.trim().toLowerCase()));
        return (m) => wanted.has(m.email_address);
      },
    },
  ],
  [
    'member_email_fuzzy',
    {
      kind: 'string',
      missing: 'member_search_missing_member_email_fuzzy',
      make: (text: string) => {
        const wanted = text.trim().toLowerCase();
        if (wanted.length < 3)
          throw searchError(
            'member_search_member_email_fuzzy_too_short',
            'member_email_fuzzy must be at least 3 characters.',
          );
        return (m) => m.email_address.includes(wanted);
      },
    },
  ],
  [
    'statuses',
    {
      kind: 'strings',
      missing: 'member_search_missing_statuses',
      make: (statuses: Set<string>) => {
        for (const status of statuses)
          if (!STATUSES.has(status))
            throw searchError('search_invalid_status_filter', `${status} is not a member status.`);
        return (m) => statuses.has(m.status);
      },
    },
  ],
  [
    'member_mfa_phone_numbers',
    {
      kind: 'strings',
      missing: 'member_search_missing_mfa_member_phone_numbers',
      make: (phones: Set<string>) => (m) => m.mfa_phone_number !== '' && phones.has(m.mfa_phone_number),
    },
  ],
  [
    'member_mfa_phone_number_fuzzy',
    {
      kind: 'string',
      missing: 'member_search_missing_mfa_member_phone_number_fuzzy',
      make: (text: string) => {
        const digits = text.replace(/\D/g, '');
        if (digits.length < 3)
          throw searchError(
            'member_search_member_mfa_phone_number_fuzzy_too_short',
            'member_mfa_phone_number_fuzzy must hold at least 3 digits.',
          );
        return (m) => m.mfa_phone_number !== '' && m.mfa_phone_number.includes(digits);
      },
    },
  ],
  [
    'member_roles',
    {
      kind: 'strings',
      missing: 'member_search_missing_member_roles',
      make: (roles: Set<string>) => (m) => rolesOf(m).some((role) => roles.has(role)),
    },
  ],
  [
    'member_password_exists',
    {
      kind: 'boolean',
      missing: 'member_search_missing_password_exists',
      make: (exists: boolean) => (m) => (m.password !== '') === exists,
    },
  ],
  [
    'member_is_breakglass',
    {
      kind: 'boolean',
      missing: 'member_search_missing_is_breakglass',
      make: (is: boolean) => () => !is,
    },
  ],
]);

function operandPredicate(operand: unknown): Predicate {
  if (!isRecord(operand)) throw errors.badRequest('Each operand must be an object.');
  const name = own(operand, 'filter_name');
  if (name === undefined)
    throw searchError('member_search_missing_filter_name', 'Each operand needs a filter_name.');
  if (typeof name !== 'string')
    throw searchError('member_search_filter_name_must_be_string', 'filter_name must be a string.');
  const filter = FILTERS.get(name);
  if (!filter)
    throw searchError('member_search_filter_name_not_recognized', `${name} is not a member search filter.`);
  const value = own(operand, 'filter_value');
  if (value === undefined || value === null)
    throw searchError(filter.missing, `The ${name} operand needs a filter_value.`);
  switch (filter.kind) {
    case 'strings':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
        throw searchError('member_search_expected_array_of_strings', `${name} takes a list of strings.`);
      return filter.make(new Set(value as string[]) as never);
    case 'string':
      if (typeof value !== 'string')
        throw searchError('member_search_expected_string', `${name} takes a string.`);
      return filter.make(value as never);
    case 'boolean':
      if (typeof value !== 'boolean')
        throw searchError('member_search_expected_boolean', `${name} takes true or false.`);
      return filter.make(value as never);
  }
}

/** The query as one predicate; no query, or no operands, matches every member. */
function queryPredicate(query: unknown): Predicate {
  if (query === undefined || query === null) return () => true;
  if (!isRecord(query)) throw errors.badRequest('query must be an object.');
  const operator = own(query, 'operator');
  if (typeof operator !== 'string' || !['AND', 'OR'].includes(operator.toUpperCase()))
    throw errors.badRequest("query.operator must be 'AND' or 'OR'.");
  const operands = own(query, 'operands') ?? [];
  if (!Array.isArray(operands)) throw errors.badRequest('query.operands must be a list.');
  const checks = operands.map(operandPredicate);
  if (checks.length === 0) return () => true;
  return operator.toUpperCase() === 'AND'
    ? (m) => checks.every((check) => check(m))
    : (m) => checks.some((check) => check(m));
}

/** A cursor names the first member of the page it opens; it means nothing else. */
const cursorOf = (memberId: string) => Buffer.from(memberId, 'utf8').toString('base64url');
function memberIdOf(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!id.startsWith('member-') || cursorOf(id) !== cursor)
    throw errors.badRequest('cursor is not one a search answered.');
  return id;
}

export interface SearchInput {
  cursor?: string | undefined;
  limit?: number | undefined;
  query?: unknown;
}

export interface SearchAnswer {
  members: Member[];
  results_metadata: { total: number; next_cursor: string | null };
  organizations: Record<string, Organization>;
}

/** The members of the given organizations that the query matches, one page of them. */
export function searchMembers(
  core: EmulatorCore,
  organizationIds: ReadonlySet<string>,
  input: SearchInput,
): SearchAnswer {
  const limit = input.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw errors.badRequest('limit must be a whole number from 1 to 1000.');
  const matches = queryPredicate(input.query);
  const startId = input.cursor ? memberIdOf(input.cursor) : null;

  let started = startId === null;
  let total = 0;
  let next: string | null = null;
  const page: MemberRecord[] = [];
  for (const member of core.state.members.values()) {
    if (!started && member.member_id === startId) started = true;
    if (!organizationIds.has(member.organization_id) || !matches(member)) continue;
    total++;
    if (!started) continue;
    if (page.length < limit) page.push(member);
    else next ??= cursorOf(member.member_id);
  }
  if (!started) throw errors.badRequest('cursor is not one a search answered.');

  const organizations: Record<string, Organization> = {};
  for (const member of page) {
    if (!Object.hasOwn(organizations, member.organization_id))
      organizations[member.organization_id] = toOrganization(core.organization(member.organization_id));
  }
  return {
    members: page.map(toMember),
    results_metadata: { total, next_cursor: next },
    organizations,
  };
}
