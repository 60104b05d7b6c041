import { describe } from 'vitest';
import {
  CONTRACTOR,
  checkCases,
  OTHER_COMPANY,
  OTHER_WARD,
  type PolicyCase,
  recordNames,
  SUB,
  WARD,
} from './policy-table.js';

// Device declarations (情報機器等の持込み), as defined in devices.ts: the company declares and
// withdraws its own; the contractor reads its sub-contractor's; the ward's signers decide; the
// inspector reads; council reviewers and strangers see nothing.

const contractorsDevice = { wardId: WARD, organisationId: CONTRACTOR, chainOrgIds: [] };
const subsDevice = { wardId: WARD, organisationId: SUB, chainOrgIds: [CONTRACTOR] };
const otherWardDevice = { wardId: OTHER_WARD, organisationId: CONTRACTOR, chainOrgIds: [] };
const otherCompanysDevice = { wardId: WARD, organisationId: OTHER_COMPANY, chainOrgIds: [] };
const newByContractor = { organisationId: CONTRACTOR };
const newBySub = { organisationId: SUB };

const names = recordNames({
  contractorsDevice,
  subsDevice,
  otherWardDevice,
  otherCompanysDevice,
  newByContractor,
  newBySub,
});

const cases: PolicyCase[] = [
  ['system_admin', 'sign', 'DeviceDeclaration', otherWardDevice, undefined, true],
  ['ward_officer', 'read', 'DeviceDeclaration', subsDevice, undefined, true],
  ['ward_officer', 'sign', 'DeviceDeclaration', contractorsDevice, undefined, true],
  ['ward_officer', 'create', 'DeviceDeclaration', newByContractor, undefined, false],
  ['ward_officer', 'update', 'DeviceDeclaration', contractorsDevice, undefined, false],
  ['ward_officer', 'read', 'DeviceDeclaration', otherWardDevice, undefined, false],
  ['ward_chief', 'sign', 'DeviceDeclaration', contractorsDevice, undefined, true],
  ['ward_manager', 'sign', 'DeviceDeclaration', otherWardDevice, undefined, false],
  ['inspector', 'read', 'DeviceDeclaration', contractorsDevice, undefined, true],
  ['inspector', 'sign', 'DeviceDeclaration', contractorsDevice, undefined, false],
  ['council_reviewer', 'read', 'DeviceDeclaration', contractorsDevice, undefined, false],

  ['contractor_manager', 'create', 'DeviceDeclaration', newByContractor, undefined, true],
  ['contractor_manager', 'update', 'DeviceDeclaration', contractorsDevice, undefined, true],
  ['contractor_manager', 'sign', 'DeviceDeclaration', contractorsDevice, undefined, false],
  ['contractor_manager', 'read', 'DeviceDeclaration', subsDevice, undefined, true],
  ['contractor_manager', 'update', 'DeviceDeclaration', subsDevice, undefined, false],
  ['contractor_manager', 'create', 'DeviceDeclaration', newBySub, undefined, false],
  ['contractor_staff', 'read', 'DeviceDeclaration', contractorsDevice, undefined, true],
  ['contractor_staff', 'create', 'DeviceDeclaration', newByContractor, undefined, false],
  ['contractor_staff', 'update', 'DeviceDeclaration', contractorsDevice, undefined, false],

  ['sub_manager', 'update', 'DeviceDeclaration', subsDevice, undefined, true],
  ['sub_manager', 'read', 'DeviceDeclaration', contractorsDevice, undefined, false],
  ['other_company_manager', 'read', 'DeviceDeclaration', contractorsDevice, undefined, false],
  ['other_company_staff', 'read', 'DeviceDeclaration', otherCompanysDevice, undefined, true],
  ['other_ward_officer', 'read', 'DeviceDeclaration', contractorsDevice, undefined, false],
  ['sub_staff', 'read', 'DeviceDeclaration', subsDevice, undefined, true],
  ['other_ward_manager', 'sign', 'DeviceDeclaration', otherWardDevice, undefined, true],
  ['other_ward_reviewer', 'read', 'DeviceDeclaration', otherWardDevice, undefined, false],
];

describe('device declaration rules', () => {
  checkCases(cases, names);
});
