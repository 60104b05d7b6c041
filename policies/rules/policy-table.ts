import { expect, it } from 'vitest';
import type { Actor, Role } from '../actor.js';
import { type Action, asSubject, defineAbilityFor, type SubjectType } from '../app-ability.js';

// Shared by the rules' tests (*.test.ts beside this file): the people of a small world, and a
// table of concrete can() cases run against the abilities that policies/app-ability.ts builds.
// One ward (新宿区) with its contractor, whose sub-contractor (再委託先) sits below it in the chain;
// another company that has nothing to do with these records; and another ward (練馬区).

export const WARD = 'ward-shinjuku';
export const OTHER_WARD = 'ward-nerima';
export const CONTRACTOR = 'company-cycle';
export const SUB = 'company-callcenter';
export const OTHER_COMPANY = 'company-mirai';

function actor(role: Role, org: string): Actor {
  const kind = org.startsWith('ward') ? 'ward' : 'company';
  return {
    userId: `u-${role}-${org}`,
    organisationId: org,
    organisationKind: kind,
    wardId: kind === 'ward' ? org : null,
    roles: [role],
  };
}

/** Everyone a table must speak about: every role of policies/roles, and the strangers. */
export const PEOPLE = {
  system_admin: actor('system_admin', WARD),
  ward_officer: actor('ward_officer', WARD),
  ward_chief: actor('ward_chief', WARD),
  ward_manager: actor('ward_manager', WARD),
  inspector: actor('inspector', WARD),
  council_reviewer: actor('council_reviewer', WARD),
  contractor_manager: actor('contractor_manager', CONTRACTOR),
  contractor_staff: actor('contractor_staff', CONTRACTOR),
  sub_manager: actor('contractor_manager', SUB),
  sub_staff: actor('contractor_staff', SUB),
  other_company_manager: actor('contractor_manager', OTHER_COMPANY),
  other_company_staff: actor('contractor_staff', OTHER_COMPANY),
  other_ward_officer: actor('ward_officer', OTHER_WARD),
  other_ward_manager: actor('ward_manager', OTHER_WARD),
  other_ward_reviewer: actor('council_reviewer', OTHER_WARD),
} satisfies Record<string, Actor>;

export type Person = keyof typeof PEOPLE;

/** who, action, subject type, record (tagged with the type), field or undefined, expected. */
export type PolicyCase = [
  Person,
  Action,
  Exclude<SubjectType, 'all'>,
  Record<string, unknown>,
  string | undefined,
  boolean,
];

/** One test per case, named so that a failure reads as a sentence. */
export function checkCases(cases: PolicyCase[], names: Map<object, string>): void {
  it.each(
    cases.map(([who, action, type, record, field, expected]) => ({
      name: `${who} ${expected ? 'may' : 'may not'} ${action}${field ? `.${field}` : ''} ${names.get(record) ?? type}`,
      who,
      action,
      type,
      record,
      field,
      expected,
    })),
  )('$name', ({ who, action, type, record, field, expected }) => {
    const ability = defineAbilityFor(PEOPLE[who]);
    expect(ability.can(action, asSubject(type, record), field)).toBe(expected);
  });

  it('speaks about every person at least once, with a refusal for each stranger', () => {
    const named = new Set(cases.map(([who]) => who));
    expect(Object.keys(PEOPLE).filter((p) => !named.has(p as Person))).toEqual([]);
    for (const stranger of ['other_company_manager', 'other_ward_officer', 'other_ward_reviewer'] as const) {
      expect(cases.some(([who, , , , , expected]) => who === stranger && !expected)).toBe(true);
    }
  });
}

/** Names the records of a table by their variable names, for the test titles. */
export function recordNames(records: Record<string, object>): Map<object, string> {
  return new Map(Object.entries(records).map(([name, record]) => [record, name]));
}
