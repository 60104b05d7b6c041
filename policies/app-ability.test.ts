import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './actor.js';
import { type Action, asSubject, defineAbilityFor, type SubjectType } from './app-ability.js';

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

type Case = [Role, Action, Exclude<SubjectType, 'all'>, Record<string, unknown>, boolean];

const ownWard = { id: WARD, kind: 'ward', linkedOrgIds: [COMPANY] };
const otherWard = { id: OTHER_WARD, kind: 'ward', linkedOrgIds: [OTHER_COMPANY] };
const linkedCompany = { id: COMPANY, kind: 'company', linkedOrgIds: [WARD] };
const unlinkedCompany = { id: OTHER_COMPANY, kind: 'company', linkedOrgIds: [OTHER_WARD] };

const cases: Case[] = [
  // ward staff: their own ward and the companies known to it, nothing else
  ['ward_officer', 'read', 'Organisation', ownWard, true],
  ['ward_officer', 'read', 'Organisation', otherWard, false],
  ['ward_officer', 'read', 'Organisation', linkedCompany, true],
  ['ward_officer', 'read', 'Organisation', unlinkedCompany, false],
  // a company registered by ward staff is linked to their ward, and to no other
  ['ward_officer', 'create', 'Organisation', { kind: 'company', linkedOrgIds: [WARD] }, true],
  ['ward_officer', 'create', 'Organisation', { kind: 'company', linkedOrgIds: [OTHER_WARD] }, false],
  ['ward_officer', 'create', 'Organisation', { kind: 'company', linkedOrgIds: [WARD, OTHER_WARD] }, false],
  ['ward_officer', 'create', 'Organisation', { kind: 'company', linkedOrgIds: [] }, false],
  ['ward_officer', 'create', 'Organisation', { kind: 'ward' }, false],
  ['ward_officer', 'update', 'Organisation', linkedCompany, false],
  ['ward_officer', 'create', 'Department', { wardId: WARD }, true],
  ['ward_officer', 'create', 'Department', { wardId: OTHER_WARD }, false],
  ['ward_officer', 'read', 'AuditEntry', { wardId: WARD }, true],
  ['ward_officer', 'read', 'AuditEntry', { wardId: OTHER_WARD }, false],
  ['ward_officer', 'create', 'User', { wardId: WARD, roles: ['ward_officer'] }, false],
  ['ward_manager', 'create', 'User', { wardId: WARD, roles: ['ward_officer', 'inspector'] }, true],
  ['ward_manager', 'create', 'User', { wardId: WARD, roles: ['system_admin'] }, false],
  ['ward_manager', 'create', 'User', { wardId: WARD, roles: ['contractor_manager'] }, false],
  ['ward_manager', 'create', 'User', { wardId: OTHER_WARD, roles: ['ward_officer'] }, false],
  ['inspector', 'read', 'User', { wardId: WARD }, true],
  // 既存記録の取込み: those who create the ward's contracts, in their own ward only
  ['ward_officer', 'create', 'Import', { wardId: WARD }, true],
  ['ward_officer', 'read', 'Import', { wardId: WARD }, true],
  ['ward_officer', 'create', 'Import', { wardId: OTHER_WARD }, false],
  ['ward_manager', 'create', 'Import', { wardId: WARD }, false],
  ['inspector', 'read', 'Import', { wardId: WARD }, false],
  ['council_reviewer', 'create', 'Import', { wardId: WARD }, false],
  ['contractor_manager', 'create', 'Import', { wardId: WARD }, false],
  ['contractor_manager', 'read', 'Import', { wardId: WARD }, false],
  ['inspector', 'read', 'AuditEntry', { wardId: WARD }, false],
  // council reviewers read and never write
  ['council_reviewer', 'read', 'Organisation', ownWard, true],
  ['council_reviewer', 'read', 'Organisation', otherWard, false],
  ['council_reviewer', 'update', 'Organisation', ownWard, false],
  ['council_reviewer', 'create', 'Department', { wardId: WARD }, false],
  ['council_reviewer', 'read', 'AuditEntry', { wardId: WARD }, false],
  ['council_reviewer', 'read', 'User', { wardId: WARD }, false],
  // companies: themselves and the wards they work for
  ['contractor_manager', 'read', 'Organisation', linkedCompany, true],
  ['contractor_manager', 'read', 'Organisation', unlinkedCompany, false],
  ['contractor_manager', 'read', 'Organisation', ownWard, true],
  ['contractor_manager', 'read', 'Organisation', otherWard, false],
  ['contractor_manager', 'update', 'Organisation', linkedCompany, true],
  ['contractor_manager', 'create', 'User', { organisationId: COMPANY, roles: ['contractor_staff'] }, true],
  ['contractor_manager', 'create', 'User', { organisationId: COMPANY, roles: ['ward_officer'] }, false],
  ['contractor_manager', 'create', 'User', { organisationId: COMPANY, roles: ['system_admin'] }, false],
  [
    'contractor_manager',
    'create',
    'User',
    { organisationId: OTHER_COMPANY, roles: ['contractor_staff'] },
    false,
  ],
  ['contractor_manager', 'read', 'AuditEntry', { wardId: WARD }, false],
  ['contractor_staff', 'update', 'Organisation', linkedCompany, false],
  ['contractor_staff', 'create', 'User', { organisationId: COMPANY, roles: ['contractor_staff'] }, false],
  ['contractor_staff', 'read', 'User', { organisationId: COMPANY }, true],
  ['contractor_staff', 'read', 'User', { organisationId: OTHER_COMPANY }, false],
  // a company reads the companies it works with in a chain, and no other company
  ['contractor_manager', 'read', 'Organisation', { ...unlinkedCompany, partnerOrgIds: [COMPANY] }, true],
  ['contractor_staff', 'read', 'Organisation', { ...unlinkedCompany, partnerOrgIds: [COMPANY] }, true],
  ['contractor_manager', 'read', 'Organisation', { ...unlinkedCompany, partnerOrgIds: ['company-x'] }, false],
  ['contractor_manager', 'read', 'Organisation', { ...unlinkedCompany, partnerOrgIds: [] }, false],
  ['ward_officer', 'read', 'Organisation', { ...unlinkedCompany, partnerOrgIds: [WARD] }, false],
  // a ward's own settings are its manager's (課長)
  ['ward_manager', 'update', 'WardSettings', { wardId: WARD }, true],
  ['ward_manager', 'update', 'WardSettings', { wardId: OTHER_WARD }, false],
  ['ward_officer', 'update', 'WardSettings', { wardId: WARD }, false],
  ['ward_chief', 'update', 'WardSettings', { wardId: WARD }, false],
  ['contractor_manager', 'update', 'WardSettings', { wardId: WARD }, false],
  // the administrator may do anything
  ['system_admin', 'create', 'Organisation', { kind: 'ward' }, true],
  ['system_admin', 'read', 'AuditEntry', { wardId: OTHER_WARD }, true],
];

describe('abilities per role', () => {
  it.each(cases)('%s %s %s %j → %s', (role, action, type, record, expected) => {
    expect(defineAbilityFor(actor(role)).can(action, asSubject(type, record))).toBe(expected);
  });

  it('grants nothing to a ward role held by a company user', () => {
    const wrong: Actor = { ...actor('ward_officer', COMPANY), roles: ['ward_officer'] };
    expect(defineAbilityFor(wrong).can('read', asSubject('Organisation', linkedCompany))).toBe(false);
  });

  it('adds up the rules of several roles', () => {
    const both: Actor = { ...actor('ward_officer'), roles: ['ward_officer', 'ward_manager'] };
    const ability = defineAbilityFor(both);
    expect(ability.can('create', asSubject('Department', { wardId: WARD }))).toBe(true);
    expect(ability.can('create', asSubject('User', { wardId: WARD, roles: ['inspector'] }))).toBe(true);
  });
});
