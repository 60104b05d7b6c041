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

// Prior approvals (事前承認), as defined in prior-approvals.ts: the acting company applies and
// records it done (its manager); the contractor reads its sub-contractor's applications (it answers
// for them) but applies for none; the ward's signers sign; council reviewers see nothing.

const contractorsApplication = { wardId: WARD, applicantOrgId: CONTRACTOR, chainOrgIds: [] };
const subsApplication = { wardId: WARD, applicantOrgId: SUB, chainOrgIds: [CONTRACTOR] };
const otherCompanysApplication = { wardId: WARD, applicantOrgId: OTHER_COMPANY, chainOrgIds: [] };
const otherWardApplication = { wardId: OTHER_WARD, applicantOrgId: CONTRACTOR, chainOrgIds: [] };
const newByContractor = { applicantOrgId: CONTRACTOR };
const newBySub = { applicantOrgId: SUB };

const names = recordNames({
  contractorsApplication,
  subsApplication,
  otherCompanysApplication,
  otherWardApplication,
  newByContractor,
  newBySub,
});

const cases: PolicyCase[] = [
  ['system_admin', 'sign', 'PriorApproval', otherWardApplication, undefined, true],
  ['ward_officer', 'read', 'PriorApproval', subsApplication, undefined, true],
  ['ward_officer', 'sign', 'PriorApproval', contractorsApplication, undefined, true],
  ['ward_officer', 'create', 'PriorApproval', newByContractor, undefined, false],
  ['ward_officer', 'update', 'PriorApproval', contractorsApplication, undefined, false],
  ['ward_officer', 'read', 'PriorApproval', otherWardApplication, undefined, false],
  ['ward_chief', 'sign', 'PriorApproval', subsApplication, undefined, true],
  ['ward_manager', 'sign', 'PriorApproval', otherCompanysApplication, undefined, true],
  ['ward_manager', 'sign', 'PriorApproval', otherWardApplication, undefined, false],
  ['inspector', 'read', 'PriorApproval', contractorsApplication, undefined, true],
  ['inspector', 'sign', 'PriorApproval', contractorsApplication, undefined, false],
  ['council_reviewer', 'read', 'PriorApproval', contractorsApplication, undefined, false],

  // 受託者: applies for itself; reads its sub-contractor's and answers none of them
  ['contractor_manager', 'create', 'PriorApproval', newByContractor, undefined, true],
  ['contractor_manager', 'update', 'PriorApproval', contractorsApplication, undefined, true],
  ['contractor_manager', 'read', 'PriorApproval', subsApplication, undefined, true],
  ['contractor_manager', 'update', 'PriorApproval', subsApplication, undefined, false],
  ['contractor_manager', 'create', 'PriorApproval', newBySub, undefined, false],
  ['contractor_manager', 'sign', 'PriorApproval', contractorsApplication, undefined, false],
  ['contractor_manager', 'read', 'PriorApproval', otherCompanysApplication, undefined, false],
  ['contractor_staff', 'read', 'PriorApproval', contractorsApplication, undefined, true],
  ['contractor_staff', 'create', 'PriorApproval', newByContractor, undefined, false],
  ['contractor_staff', 'update', 'PriorApproval', contractorsApplication, undefined, false],

  // 再委託先: its own, never the contractor's
  ['sub_manager', 'create', 'PriorApproval', newBySub, undefined, true],
  ['sub_manager', 'update', 'PriorApproval', subsApplication, undefined, true],
  ['sub_manager', 'read', 'PriorApproval', contractorsApplication, undefined, false],
  ['sub_staff', 'read', 'PriorApproval', subsApplication, undefined, true],

  ['other_company_manager', 'read', 'PriorApproval', contractorsApplication, undefined, false],
  ['other_company_manager', 'read', 'PriorApproval', subsApplication, undefined, false],
  ['other_ward_officer', 'read', 'PriorApproval', contractorsApplication, undefined, false],
  ['other_company_staff', 'read', 'PriorApproval', otherCompanysApplication, undefined, true],
  ['other_company_staff', 'update', 'PriorApproval', otherCompanysApplication, undefined, false],
  ['other_ward_reviewer', 'read', 'PriorApproval', otherWardApplication, undefined, false],
  ['other_ward_manager', 'sign', 'PriorApproval', otherWardApplication, undefined, true],
];

describe('prior approval rules', () => {
  checkCases(cases, names);
});
