import { describe } from 'vitest';
import {
  CONTRACTOR,
  checkCases,
  OTHER_WARD,
  type PolicyCase,
  recordNames,
  SUB,
  WARD,
} from './policy-table.js';

// 報告の求め (report-requests.ts) and a contractor's inspections of its sub-contractor
// (inspections.ts): the requester asks and decides, the company asked answers, the chain above and
// the ward read; nobody else. The ward reads a company's inspection but neither records nor signs it.

const contractorAsksSub = {
  wardId: WARD,
  requesterOrgId: CONTRACTOR,
  subjectOrgId: SUB,
  chainOrgIds: [CONTRACTOR],
};
const wardAsksSub = { wardId: WARD, requesterOrgId: WARD, subjectOrgId: SUB, chainOrgIds: [CONTRACTOR] };
const otherWardRequest = {
  wardId: OTHER_WARD,
  requesterOrgId: OTHER_WARD,
  subjectOrgId: CONTRACTOR,
  chainOrgIds: [],
};
const newByContractor = { wardId: WARD, requesterOrgId: CONTRACTOR };
const newByWard = { wardId: WARD, requesterOrgId: WARD };
const companyInspection = {
  wardId: WARD,
  organisationId: SUB,
  inspectingOrgId: CONTRACTOR,
  chainOrgIds: [CONTRACTOR],
};
const wardInspection = {
  wardId: WARD,
  organisationId: SUB,
  inspectingOrgId: null,
  chainOrgIds: [CONTRACTOR],
};

const names = recordNames({
  contractorAsksSub,
  wardAsksSub,
  otherWardRequest,
  newByContractor,
  newByWard,
  companyInspection,
  wardInspection,
});

const cases: PolicyCase[] = [
  // the contractor asks and decides; its staff read
  ['contractor_manager', 'create', 'ReportRequest', newByContractor, undefined, true],
  ['contractor_manager', 'update', 'ReportRequest', contractorAsksSub, 'request', true],
  ['contractor_manager', 'update', 'ReportRequest', contractorAsksSub, 'answer', false],
  ['contractor_manager', 'read', 'ReportRequest', wardAsksSub, undefined, true],
  ['contractor_manager', 'update', 'ReportRequest', wardAsksSub, 'request', false],
  ['contractor_staff', 'read', 'ReportRequest', contractorAsksSub, undefined, true],
  ['contractor_staff', 'create', 'ReportRequest', newByContractor, undefined, false],
  // the sub-contractor answers, never decides
  ['sub_manager', 'update', 'ReportRequest', contractorAsksSub, 'answer', true],
  ['sub_manager', 'update', 'ReportRequest', contractorAsksSub, 'request', false],
  ['sub_manager', 'update', 'ReportRequest', wardAsksSub, 'answer', true],
  ['sub_staff', 'read', 'ReportRequest', contractorAsksSub, undefined, true],
  ['sub_staff', 'update', 'ReportRequest', contractorAsksSub, 'answer', false],
  // the ward reads all; its officer and inspector ask and decide their own
  ['ward_officer', 'read', 'ReportRequest', contractorAsksSub, undefined, true],
  ['ward_officer', 'update', 'ReportRequest', contractorAsksSub, 'request', false],
  ['ward_officer', 'create', 'ReportRequest', newByWard, undefined, true],
  ['ward_officer', 'create', 'ReportRequest', newByContractor, undefined, false],
  ['inspector', 'update', 'ReportRequest', wardAsksSub, 'request', true],
  ['ward_chief', 'read', 'ReportRequest', wardAsksSub, undefined, true],
  ['ward_chief', 'update', 'ReportRequest', wardAsksSub, 'request', false],
  ['council_reviewer', 'read', 'ReportRequest', contractorAsksSub, undefined, false],
  ['other_company_manager', 'read', 'ReportRequest', contractorAsksSub, undefined, false],
  ['other_ward_officer', 'read', 'ReportRequest', contractorAsksSub, undefined, false],
  ['other_ward_officer', 'read', 'ReportRequest', otherWardRequest, undefined, true],

  // a contractor's inspection of its sub-contractor
  ['contractor_manager', 'create', 'Inspection', companyInspection, undefined, true],
  ['contractor_staff', 'update', 'Inspection', companyInspection, 'items', true],
  ['contractor_manager', 'sign', 'Inspection', companyInspection, undefined, true],
  ['contractor_staff', 'sign', 'Inspection', companyInspection, undefined, false],
  ['contractor_manager', 'update', 'Inspection', wardInspection, 'items', false],
  ['sub_manager', 'read', 'Inspection', companyInspection, undefined, true],
  ['sub_manager', 'update', 'Inspection', companyInspection, 'lifecycle', false],
  ['ward_officer', 'read', 'Inspection', companyInspection, undefined, true],
  ['ward_officer', 'sign', 'Inspection', companyInspection, undefined, false],
  ['ward_officer', 'sign', 'Inspection', wardInspection, undefined, true],
  ['inspector', 'update', 'Inspection', companyInspection, 'items', false],
  ['inspector', 'create', 'Inspection', wardInspection, undefined, true],
  ['other_company_manager', 'read', 'Inspection', companyInspection, undefined, false],
  ['other_ward_officer', 'read', 'Inspection', companyInspection, undefined, false],
  ['council_reviewer', 'read', 'Inspection', companyInspection, undefined, false],
  ['system_admin', 'update', 'ReportRequest', otherWardRequest, 'request', true],
  ['ward_manager', 'read', 'ReportRequest', contractorAsksSub, undefined, true],
  ['ward_manager', 'create', 'ReportRequest', newByWard, undefined, false],
  ['other_company_staff', 'read', 'ReportRequest', contractorAsksSub, undefined, false],
  ['other_ward_manager', 'read', 'ReportRequest', otherWardRequest, undefined, true],
  ['other_ward_reviewer', 'read', 'ReportRequest', otherWardRequest, undefined, false],
];

describe('report request rules, and a contractor inspecting its sub-contractor', () => {
  checkCases(cases, names);
});
