import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../actor.js';
import { type Action, asSubject, defineAbilityFor } from '../app-ability.js';

const WARD = 'ward-shinjuku';
const OTHER_WARD = 'ward-nerima';
const COMPANY = 'company-cycle';
const OTHER_COMPANY = 'company-other';

function actor(
  role: Role,
  org = role.startsWith('contractor') ? COMPANY : WARD,
  userId = `u-${role}`,
): Actor {
  const kind = org.startsWith('ward') ? 'ward' : 'company';
  return {
    userId,
    organisationId: org,
    organisationKind: kind,
    wardId: kind === 'ward' ? org : null,
    roles: [role],
  };
}

const inspection = {
  wardId: WARD,
  organisationId: COMPANY,
  inspectorId: 'u-inspector',
  assistantIds: ['u-ward_officer'],
};
const otherCompanyInspection = { ...inspection, organisationId: OTHER_COMPANY, assistantIds: [] };
const otherWardInspection = {
  wardId: OTHER_WARD,
  organisationId: COMPANY,
  inspectorId: 'x',
  assistantIds: [],
};
const finding = { wardId: WARD, organisationId: COMPANY, inspectionId: 'i1' };
const otherFinding = { wardId: WARD, organisationId: OTHER_COMPANY, inspectionId: 'i2' };

type Case = [
  Role,
  Action,
  'Inspection' | 'Finding' | 'ChecklistTemplate' | 'MonitoringReport',
  object,
  string | undefined,
  boolean,
];

const cases: Case[] = [
  // 監督員: everything about the ward's inspections, nothing of another ward
  ['inspector', 'create', 'Inspection', inspection, undefined, true],
  ['inspector', 'update', 'Inspection', otherCompanyInspection, 'lifecycle', true],
  ['inspector', 'update', 'Inspection', otherCompanyInspection, 'items', true],
  ['inspector', 'read', 'Inspection', otherWardInspection, undefined, false],
  ['inspector', 'update', 'Inspection', otherWardInspection, 'items', false],
  ['inspector', 'sign', 'Inspection', inspection, undefined, false],
  ['inspector', 'update', 'Finding', finding, 'improvementReport', false],
  ['inspector', 'create', 'ChecklistTemplate', { wardId: WARD }, undefined, true],
  ['inspector', 'create', 'MonitoringReport', { wardId: WARD, organisationId: COMPANY }, undefined, true],
  // 担当者 named as 補助者 records items, but does not run the inspection
  ['ward_officer', 'update', 'Inspection', inspection, 'items', true],
  ['ward_officer', 'update', 'Inspection', inspection, 'lifecycle', false],
  ['ward_officer', 'update', 'Inspection', otherCompanyInspection, 'items', false],
  ['ward_officer', 'create', 'Inspection', inspection, undefined, false],
  ['ward_officer', 'sign', 'Inspection', inspection, undefined, true],
  ['ward_officer', 'create', 'ChecklistTemplate', { wardId: WARD }, undefined, true],
  // 係長・課長: read and sign
  ['ward_chief', 'read', 'Finding', otherFinding, undefined, true],
  ['ward_chief', 'sign', 'Inspection', inspection, undefined, true],
  ['ward_chief', 'update', 'Inspection', inspection, 'items', false],
  ['ward_manager', 'sign', 'Inspection', inspection, undefined, true],
  ['ward_manager', 'sign', 'Inspection', otherWardInspection, undefined, false],
  ['ward_manager', 'create', 'MonitoringReport', { wardId: WARD }, undefined, false],
  // 審議会委員: none of it
  ['council_reviewer', 'read', 'Inspection', inspection, undefined, false],
  ['council_reviewer', 'read', 'Finding', finding, undefined, false],
  [
    'council_reviewer',
    'read',
    'MonitoringReport',
    { wardId: WARD, organisationId: COMPANY },
    undefined,
    false,
  ],
  ['council_reviewer', 'read', 'ChecklistTemplate', { wardId: WARD }, undefined, false],
  // the inspected company: reads its own, writes only improvement reports
  ['contractor_manager', 'read', 'Inspection', inspection, undefined, true],
  ['contractor_manager', 'read', 'Inspection', otherCompanyInspection, undefined, false],
  ['contractor_manager', 'update', 'Inspection', inspection, 'items', false],
  ['contractor_manager', 'update', 'Finding', finding, 'improvementReport', true],
  ['contractor_manager', 'update', 'Finding', finding, 'recheck', false],
  ['contractor_manager', 'update', 'Finding', otherFinding, 'improvementReport', false],
  [
    'contractor_manager',
    'read',
    'MonitoringReport',
    { wardId: WARD, organisationId: COMPANY },
    undefined,
    false,
  ],
  ['contractor_staff', 'read', 'Finding', finding, undefined, true],
  ['contractor_staff', 'update', 'Finding', finding, 'improvementReport', false],
  ['system_admin', 'sign', 'Inspection', otherWardInspection, undefined, true],
];

describe('inspection abilities per role', () => {
  it.each(cases)('%s %s %s %j (%s) → %s', (role, action, type, record, field, expected) => {
    expect(defineAbilityFor(actor(role)).can(action, asSubject(type, record), field)).toBe(expected);
  });

  it('gives a council reviewer named as an assistant nothing', () => {
    const reviewer = actor('council_reviewer', WARD, 'u-ward_officer');
    expect(defineAbilityFor(reviewer).can('update', asSubject('Inspection', inspection), 'items')).toBe(
      false,
    );
  });

  it('gives a ward role held by a company user nothing', () => {
    const odd: Actor = { ...actor('inspector', COMPANY), wardId: null };
    expect(defineAbilityFor(odd).can('read', asSubject('Inspection', inspection))).toBe(false);
    expect(defineAbilityFor(odd).can('create', asSubject('Inspection', inspection))).toBe(false);
  });
});
