import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../actor.js';
import { type Action, asSubject, defineAbilityFor, type SubjectType } from '../app-ability.js';

const WARD = 'ward-shinjuku';
const OTHER_WARD = 'ward-nerima';
const CONTRACTOR = 'company-cycle';
const SUB = 'company-callcenter';
const OTHER = 'company-mirai';

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

// A package for the contractor, one for the sub-contractor (supervised by the contractor), one of
// another ward; erasure records likewise, keyed by the organisation that erased.
const contractorPackage = { wardId: WARD, recipientOrgId: CONTRACTOR, chainOrgIds: [] };
const subPackage = { wardId: WARD, recipientOrgId: SUB, chainOrgIds: [CONTRACTOR] };
const otherWardPackage = { wardId: OTHER_WARD, recipientOrgId: OTHER, chainOrgIds: [] };
const contractorErasure = { wardId: WARD, organisationId: CONTRACTOR, chainOrgIds: [] };
const subErasure = { wardId: WARD, organisationId: SUB, chainOrgIds: [CONTRACTOR] };
const otherWardErasure = { wardId: OTHER_WARD, organisationId: OTHER, chainOrgIds: [] };

type Case = [string, Role, string, Action, Exclude<SubjectType, 'all'>, object, string | undefined, boolean];

const cases: Case[] = [
  // the privacy officer prepares packages and records the ward's side of every handover
  ['officer prepares', 'ward_officer', WARD, 'create', 'HandoverPackage', contractorPackage, undefined, true],
  ['officer hands over', 'ward_officer', WARD, 'update', 'HandoverPackage', subPackage, 'handover', true],
  [
    'officer receives back',
    'ward_officer',
    WARD,
    'update',
    'HandoverPackage',
    contractorPackage,
    'return',
    true,
  ],
  [
    'officer checks the hash',
    'ward_officer',
    WARD,
    'update',
    'HandoverPackage',
    contractorPackage,
    'verify',
    true,
  ],
  [
    'officer approves take-outs',
    'ward_officer',
    WARD,
    'update',
    'HandoverPackage',
    contractorPackage,
    'approveTakeOut',
    true,
  ],
  [
    'officer does not store',
    'ward_officer',
    WARD,
    'update',
    'HandoverPackage',
    contractorPackage,
    'store',
    false,
  ],
  [
    'officer does not take out',
    'ward_officer',
    WARD,
    'update',
    'HandoverPackage',
    contractorPackage,
    'takeOut',
    false,
  ],
  [
    'officer of another ward',
    'ward_officer',
    OTHER_WARD,
    'read',
    'HandoverPackage',
    contractorPackage,
    undefined,
    false,
  ],
  [
    'officer never erases for a company',
    'ward_officer',
    WARD,
    'create',
    'ErasureRecord',
    contractorErasure,
    undefined,
    false,
  ],
  [
    'officer reads certificates',
    'ward_officer',
    WARD,
    'read',
    'ErasureCertificate',
    subErasure,
    undefined,
    true,
  ],
  [
    'officer not across wards',
    'ward_officer',
    WARD,
    'read',
    'ErasureCertificate',
    otherWardErasure,
    undefined,
    false,
  ],
  // other ward staff read, write nothing
  ['chief reads packages', 'ward_chief', WARD, 'read', 'HandoverPackage', subPackage, undefined, true],
  [
    'chief does not hand over',
    'ward_chief',
    WARD,
    'update',
    'HandoverPackage',
    subPackage,
    'handover',
    false,
  ],
  [
    'manager does not prepare',
    'ward_manager',
    WARD,
    'create',
    'HandoverPackage',
    contractorPackage,
    undefined,
    false,
  ],
  ['inspector reads erasure', 'inspector', WARD, 'read', 'ErasureRecord', contractorErasure, undefined, true],
  [
    'council sees no packages',
    'council_reviewer',
    WARD,
    'read',
    'HandoverPackage',
    contractorPackage,
    undefined,
    false,
  ],
  [
    'council sees no certificates',
    'council_reviewer',
    WARD,
    'read',
    'ErasureCertificate',
    contractorErasure,
    undefined,
    false,
  ],
  // the contractor: its own packages and those of its sub-contractor; its own custody steps
  [
    'contractor reads its package',
    'contractor_manager',
    CONTRACTOR,
    'read',
    'HandoverPackage',
    contractorPackage,
    undefined,
    true,
  ],
  [
    'contractor supervises the sub',
    'contractor_manager',
    CONTRACTOR,
    'read',
    'HandoverPackage',
    subPackage,
    undefined,
    true,
  ],
  [
    'contractor stores its media',
    'contractor_manager',
    CONTRACTOR,
    'update',
    'HandoverPackage',
    contractorPackage,
    'store',
    true,
  ],
  [
    "contractor does not store the sub's",
    'contractor_manager',
    CONTRACTOR,
    'update',
    'HandoverPackage',
    subPackage,
    'store',
    false,
  ],
  [
    'contractor does not hand over',
    'contractor_manager',
    CONTRACTOR,
    'update',
    'HandoverPackage',
    contractorPackage,
    'handover',
    false,
  ],
  [
    'contractor does not check the hash',
    'contractor_manager',
    CONTRACTOR,
    'update',
    'HandoverPackage',
    contractorPackage,
    'verify',
    false,
  ],
  [
    'contractor does not approve its own take-out',
    'contractor_manager',
    CONTRACTOR,
    'update',
    'HandoverPackage',
    contractorPackage,
    'approveTakeOut',
    false,
  ],
  [
    'contractor cannot prepare',
    'contractor_manager',
    CONTRACTOR,
    'create',
    'HandoverPackage',
    contractorPackage,
    undefined,
    false,
  ],
  [
    'staff logs take-outs',
    'contractor_staff',
    CONTRACTOR,
    'update',
    'HandoverPackage',
    contractorPackage,
    'takeOut',
    true,
  ],
  [
    'staff does not keep the key',
    'contractor_staff',
    CONTRACTOR,
    'update',
    'HandoverPackage',
    contractorPackage,
    'store',
    false,
  ],
  [
    'contractor records its erasure',
    'contractor_manager',
    CONTRACTOR,
    'create',
    'ErasureRecord',
    contractorErasure,
    undefined,
    true,
  ],
  [
    'contractor certifies its erasure',
    'contractor_manager',
    CONTRACTOR,
    'update',
    'ErasureRecord',
    contractorErasure,
    undefined,
    true,
  ],
  [
    'contractor does not erase for the sub',
    'contractor_manager',
    CONTRACTOR,
    'create',
    'ErasureRecord',
    subErasure,
    undefined,
    false,
  ],
  [
    "contractor receives the sub's certificate",
    'contractor_manager',
    CONTRACTOR,
    'read',
    'ErasureCertificate',
    subErasure,
    undefined,
    true,
  ],
  [
    'staff reads certificates',
    'contractor_staff',
    CONTRACTOR,
    'read',
    'ErasureCertificate',
    contractorErasure,
    undefined,
    true,
  ],
  [
    'staff does not record erasure',
    'contractor_staff',
    CONTRACTOR,
    'create',
    'ErasureRecord',
    contractorErasure,
    undefined,
    false,
  ],
  // the sub-contractor: its own, never the contractor's
  [
    'sub reads its package',
    'contractor_manager',
    SUB,
    'read',
    'HandoverPackage',
    subPackage,
    undefined,
    true,
  ],
  [
    "sub does not read the contractor's",
    'contractor_manager',
    SUB,
    'read',
    'HandoverPackage',
    contractorPackage,
    undefined,
    false,
  ],
  [
    'sub records its erasure',
    'contractor_manager',
    SUB,
    'create',
    'ErasureRecord',
    subErasure,
    undefined,
    true,
  ],
  [
    'sub reads its certificate',
    'contractor_staff',
    SUB,
    'read',
    'ErasureCertificate',
    subErasure,
    undefined,
    true,
  ],
  [
    "sub does not read the contractor's certificate",
    'contractor_manager',
    SUB,
    'read',
    'ErasureCertificate',
    contractorErasure,
    undefined,
    false,
  ],
  // strangers
  [
    'another company',
    'contractor_manager',
    OTHER,
    'read',
    'HandoverPackage',
    contractorPackage,
    undefined,
    false,
  ],
  [
    'another company, certificate',
    'contractor_manager',
    OTHER,
    'read',
    'ErasureCertificate',
    subErasure,
    undefined,
    false,
  ],
  [
    'another company cannot erase for others',
    'contractor_manager',
    OTHER,
    'create',
    'ErasureRecord',
    contractorErasure,
    undefined,
    false,
  ],
];

describe('handover and erasure rules', () => {
  it.each(cases)('%s', (_name, role, org, action, type, record, field, expected) => {
    const ability = defineAbilityFor(actor(role, org));
    expect(ability.can(action, asSubject(type, record), field)).toBe(expected);
  });

  it('lets a ward role on a company user, or a company role on a ward user, do nothing', () => {
    const wardRoleOnCompany = defineAbilityFor({
      ...actor('ward_officer', CONTRACTOR),
      organisationKind: 'company',
      wardId: null,
    });
    expect(wardRoleOnCompany.can('create', asSubject('HandoverPackage', contractorPackage))).toBe(false);
    const companyRoleOnWard = defineAbilityFor(actor('contractor_manager', WARD));
    expect(
      companyRoleOnWard.can(
        'create',
        asSubject('ErasureRecord', { ...contractorErasure, organisationId: WARD }),
      ),
    ).toBe(false);
  });

  it('gives the system administrator everything', () => {
    const admin = defineAbilityFor(actor('system_admin', WARD));
    expect(admin.can('update', asSubject('HandoverPackage', otherWardPackage), 'verify')).toBe(true);
  });
});
