import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../actor.js';
import { type Action, asSubject, defineAbilityFor } from '../app-ability.js';

const WARD = 'ward-shinjuku';
const OTHER_WARD = 'ward-nerima';
const COMPANY = 'company-cycle';
const OTHER_COMPANY = 'company-other';

function actor(role: Role, org = role.startsWith('contractor') ? COMPANY : WARD): Actor {
  const kind = org.startsWith('ward') ? 'ward' : 'company';
  return {
    userId: `u-${role}`,
    organisationId: org,
    organisationKind: kind,
    wardId: kind === 'ward' ? org : null,
    roles: [role],
  };
}

const own = { organisationId: COMPANY, wardId: null };
const ownForWard = { organisationId: COMPANY, wardId: WARD };
const otherCompanyForWard = { organisationId: OTHER_COMPANY, wardId: WARD };
const otherCompanyForOtherWard = { organisationId: OTHER_COMPANY, wardId: OTHER_WARD };
const otherCompanyUntagged = { organisationId: OTHER_COMPANY, wardId: null };
const wardOwn = { organisationId: WARD, wardId: null };
const otherWardOwn = { organisationId: OTHER_WARD, wardId: OTHER_WARD };

type Case = [Role, Action, Record<string, unknown>, boolean];

const WARD_STAFF: Role[] = ['ward_officer', 'ward_chief', 'ward_manager', 'inspector'];
const COMPANY_STAFF: Role[] = ['contractor_manager', 'contractor_staff'];

const cases: Case[] = [
  // company staff: upload and read their own company's files, nobody else's
  ...COMPANY_STAFF.flatMap((role): Case[] => [
    [role, 'create', own, true],
    [role, 'create', ownForWard, true],
    [role, 'create', { organisationId: OTHER_COMPANY, wardId: null }, false],
    [role, 'read', own, true],
    [role, 'read', ownForWard, true],
    [role, 'read', otherCompanyForWard, false],
    [role, 'read', otherCompanyUntagged, false],
    [role, 'update', own, false],
    [role, 'delete', own, false],
  ]),
  // ward staff: their ward's own files, and companies' files tagged with their ward
  ...WARD_STAFF.flatMap((role): Case[] => [
    [role, 'create', wardOwn, true],
    [role, 'create', { organisationId: OTHER_WARD, wardId: null }, false],
    [role, 'read', wardOwn, true],
    [role, 'read', otherCompanyForWard, true],
    [role, 'read', ownForWard, true],
    [role, 'read', own, false],
    [role, 'read', otherCompanyForOtherWard, false],
    [role, 'read', otherWardOwn, false],
    [role, 'create', { organisationId: COMPANY, wardId: WARD }, false],
    [role, 'update', wardOwn, false],
  ]),
  // 審議会委員: never sees evidence, not even the ward's own
  ['council_reviewer', 'read', wardOwn, false],
  ['council_reviewer', 'read', otherCompanyForWard, false],
  ['council_reviewer', 'create', wardOwn, false],
  // システム管理者: everything
  ['system_admin', 'read', otherCompanyForOtherWard, true],
  ['system_admin', 'create', wardOwn, true],
];

describe('attachment abilities per role', () => {
  it.each(cases)('%s %s Attachment %j → %s', (role, action, record, expected) => {
    expect(defineAbilityFor(actor(role)).can(action, asSubject('Attachment', record))).toBe(expected);
  });

  it('grants nothing to a ward role held by a company user, or a company role on a ward user', () => {
    const wardRoleAtCompany: Actor = { ...actor('ward_officer', COMPANY), wardId: null };
    expect(defineAbilityFor(wardRoleAtCompany).can('read', asSubject('Attachment', own))).toBe(false);
    expect(defineAbilityFor(wardRoleAtCompany).can('create', asSubject('Attachment', own))).toBe(false);
    const companyRoleAtWard = actor('contractor_manager', WARD);
    expect(defineAbilityFor(companyRoleAtWard).can('read', asSubject('Attachment', wardOwn))).toBe(false);
  });

  it('lets a council reviewer who is also a ward officer read as a ward officer', () => {
    const both: Actor = { ...actor('council_reviewer'), roles: ['council_reviewer', 'ward_officer'] };
    expect(defineAbilityFor(both).can('read', asSubject('Attachment', otherCompanyForWard))).toBe(true);
  });
});
