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

// Approvals of delegation (委託) and sub-delegation (再委託), the ward's suspension list (指名停止),
// council meetings and report items (審議会 報告事項), as defined in approvals.ts. Whose step of the
// sign-off chain it is, and what a state allows, is the approval machine's business: here any
// signer of the ward may sign, whatever the state.

/** The ward's own application to delegate (所管課 applies). */
const delegation = { wardId: WARD, kind: 'delegation', applicantOrgId: WARD, status: 'submitted' };
const approvedDelegation = { ...delegation, status: 'approved' };
/** The contractor's application to sub-contract the call centre to SUB. */
const subdelegation = {
  wardId: WARD,
  kind: 'subdelegation',
  applicantOrgId: CONTRACTOR,
  status: 'submitted',
};
const draftSubdelegation = { ...subdelegation, status: 'draft' };
/** SUB applying to sub-contract further (再々委託): the policy lets it apply, the ward's depth limit decides. */
const subsSubdelegation = { wardId: WARD, kind: 'subdelegation', applicantOrgId: SUB, status: 'draft' };
const otherWardDelegation = {
  wardId: OTHER_WARD,
  kind: 'delegation',
  applicantOrgId: OTHER_WARD,
  status: 'submitted',
};
const otherCompanySubdelegation = { ...subdelegation, applicantOrgId: OTHER_COMPANY };

const suspension = { wardId: WARD };
const meeting = { wardId: WARD };
const reportItem = { wardId: WARD, kind: 'subdelegation' };
const otherWardMeeting = { wardId: OTHER_WARD };
const otherWardItem = { wardId: OTHER_WARD, kind: 'delegation' };

const names = recordNames({
  delegation,
  approvedDelegation,
  subdelegation,
  draftSubdelegation,
  subsSubdelegation,
  otherWardDelegation,
  otherCompanySubdelegation,
  suspension,
  meeting,
  reportItem,
  otherWardMeeting,
  otherWardItem,
});

const cases: PolicyCase[] = [
  ['system_admin', 'sign', 'Approval', otherWardDelegation, undefined, true],
  ['system_admin', 'update', 'CouncilReportItem', otherWardItem, undefined, true],

  // 個人情報保護担当: applies for the ward's delegations, signs as 担当者, keeps the suspension list
  // and the council's agenda; never writes a company's application
  ['ward_officer', 'create', 'Approval', delegation, undefined, true],
  ['ward_officer', 'update', 'Approval', delegation, undefined, true],
  ['ward_officer', 'sign', 'Approval', subdelegation, undefined, true],
  ['ward_officer', 'read', 'Approval', approvedDelegation, undefined, true],
  ['ward_officer', 'create', 'Approval', subdelegation, undefined, false],
  ['ward_officer', 'update', 'Approval', draftSubdelegation, undefined, false],
  ['ward_officer', 'create', 'Suspension', suspension, undefined, true],
  ['ward_officer', 'update', 'Suspension', suspension, undefined, true],
  ['ward_officer', 'create', 'CouncilMeeting', meeting, undefined, true],
  ['ward_officer', 'update', 'CouncilReportItem', reportItem, undefined, true],
  ['ward_officer', 'create', 'CouncilReportItem', reportItem, undefined, false],
  ['ward_officer', 'read', 'Approval', otherWardDelegation, undefined, false],
  ['ward_officer', 'sign', 'Approval', otherWardDelegation, undefined, false],
  ['ward_officer', 'update', 'CouncilReportItem', otherWardItem, undefined, false],

  // 係長・課長: read and sign the ward's approvals; apply for nothing, keep no list or agenda
  ['ward_chief', 'sign', 'Approval', delegation, undefined, true],
  ['ward_chief', 'read', 'Suspension', suspension, undefined, true],
  ['ward_chief', 'read', 'CouncilReportItem', reportItem, undefined, true],
  ['ward_chief', 'create', 'Approval', delegation, undefined, false],
  ['ward_chief', 'update', 'Suspension', suspension, undefined, false],
  ['ward_manager', 'sign', 'Approval', subdelegation, undefined, true],
  ['ward_manager', 'read', 'CouncilMeeting', meeting, undefined, true],
  ['ward_manager', 'update', 'Approval', delegation, undefined, false],
  ['ward_manager', 'update', 'CouncilReportItem', reportItem, undefined, false],
  ['ward_manager', 'sign', 'Approval', otherWardDelegation, undefined, false],

  // 監督員: reads approvals (what was approved is what it inspects), signs none
  ['inspector', 'read', 'Approval', subdelegation, undefined, true],
  ['inspector', 'read', 'Suspension', suspension, undefined, true],
  ['inspector', 'read', 'CouncilReportItem', reportItem, undefined, true],
  ['inspector', 'sign', 'Approval', subdelegation, undefined, false],
  ['inspector', 'create', 'Approval', delegation, undefined, false],

  // 審議会委員: reads the meetings and report items; not the applications, and writes nothing
  ['council_reviewer', 'read', 'CouncilMeeting', meeting, undefined, true],
  ['council_reviewer', 'read', 'CouncilReportItem', reportItem, undefined, true],
  ['council_reviewer', 'update', 'CouncilReportItem', reportItem, undefined, false],
  ['council_reviewer', 'create', 'CouncilMeeting', meeting, undefined, false],
  ['council_reviewer', 'read', 'Approval', delegation, undefined, false],
  ['council_reviewer', 'sign', 'Approval', delegation, undefined, false],
  ['council_reviewer', 'read', 'Suspension', suspension, undefined, false],
  ['council_reviewer', 'read', 'CouncilReportItem', otherWardItem, undefined, false],

  // 受託者: applies to sub-contract and follows its own applications; signs nothing, sees no council
  ['contractor_manager', 'create', 'Approval', subdelegation, undefined, true],
  ['contractor_manager', 'update', 'Approval', draftSubdelegation, undefined, true],
  ['contractor_manager', 'read', 'Approval', subdelegation, undefined, true],
  ['contractor_manager', 'sign', 'Approval', subdelegation, undefined, false],
  [
    'contractor_manager',
    'create',
    'Approval',
    { ...delegation, applicantOrgId: CONTRACTOR },
    undefined,
    false,
  ],
  ['contractor_manager', 'read', 'Approval', delegation, undefined, false],
  ['contractor_manager', 'read', 'Approval', subsSubdelegation, undefined, false],
  ['contractor_manager', 'read', 'Suspension', suspension, undefined, false],
  ['contractor_manager', 'read', 'CouncilReportItem', reportItem, undefined, false],
  ['contractor_staff', 'read', 'Approval', subdelegation, undefined, true],
  ['contractor_staff', 'create', 'Approval', subdelegation, undefined, false],
  ['contractor_staff', 'update', 'Approval', draftSubdelegation, undefined, false],

  // 再委託先: its own applications only — not the contractor's, even the one that concerns it
  ['sub_manager', 'read', 'Approval', subdelegation, undefined, false],
  ['sub_manager', 'update', 'Approval', draftSubdelegation, undefined, false],
  ['sub_manager', 'create', 'Approval', subsSubdelegation, undefined, true],
  ['sub_manager', 'read', 'CouncilMeeting', meeting, undefined, false],
  ['sub_staff', 'read', 'Approval', subdelegation, undefined, false],
  ['sub_staff', 'read', 'Approval', subsSubdelegation, undefined, true],
  ['sub_staff', 'create', 'Approval', subsSubdelegation, undefined, false],

  // a company with no part in them
  ['other_company_manager', 'read', 'Approval', subdelegation, undefined, false],
  ['other_company_manager', 'update', 'Approval', draftSubdelegation, undefined, false],
  ['other_company_manager', 'create', 'Approval', otherCompanySubdelegation, undefined, true],
  ['other_company_staff', 'read', 'Approval', subdelegation, undefined, false],
  ['other_company_staff', 'read', 'CouncilReportItem', reportItem, undefined, false],

  // another ward's staff
  ['other_ward_officer', 'read', 'Approval', delegation, undefined, false],
  ['other_ward_officer', 'sign', 'Approval', subdelegation, undefined, false],
  ['other_ward_officer', 'update', 'Suspension', suspension, undefined, false],
  ['other_ward_officer', 'update', 'CouncilReportItem', reportItem, undefined, false],
  ['other_ward_officer', 'create', 'CouncilMeeting', otherWardMeeting, undefined, true],
  ['other_ward_manager', 'sign', 'Approval', delegation, undefined, false],
  ['other_ward_manager', 'sign', 'Approval', otherWardDelegation, undefined, true],
  ['other_ward_reviewer', 'read', 'CouncilReportItem', reportItem, undefined, false],
  ['other_ward_reviewer', 'read', 'CouncilMeeting', meeting, undefined, false],
  ['other_ward_reviewer', 'read', 'CouncilReportItem', otherWardItem, undefined, true],
];

describe('approval and council rules', () => {
  checkCases(cases, names);
});
