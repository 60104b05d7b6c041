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

// Six-monthly compliance reports (遵守状況報告書, 別紙5) and the council summary (審議会向け集計), as
// defined in reports.ts. The company answers (update), the ward receives and signs (sign); which of
// these a state allows is the report machine's business.

const contractorReport = { wardId: WARD, organisationId: CONTRACTOR, chainOrgIds: [], status: 'draft' };
const submittedReport = { ...contractorReport, status: 'submitted' };
/** The sub-contractor's own report: the contractor above it reads it, as it supervises the sub. */
const subReport = { wardId: WARD, organisationId: SUB, chainOrgIds: [CONTRACTOR], status: 'submitted' };
const otherCompanyReport = { wardId: WARD, organisationId: OTHER_COMPANY, chainOrgIds: [], status: 'issued' };
const otherWardReport = { wardId: OTHER_WARD, organisationId: CONTRACTOR, chainOrgIds: [], status: 'draft' };

const summary = { wardId: WARD };
const otherWardSummary = { wardId: OTHER_WARD };

const names = recordNames({
  contractorReport,
  submittedReport,
  subReport,
  otherCompanyReport,
  otherWardReport,
  summary,
  otherWardSummary,
});

const cases: PolicyCase[] = [
  ['system_admin', 'sign', 'ComplianceReport', otherWardReport, undefined, true],
  ['system_admin', 'read', 'CouncilSummary', otherWardSummary, undefined, true],

  // the ward's signers read, receive and sign; they never answer for the company
  ['ward_officer', 'read', 'ComplianceReport', subReport, undefined, true],
  ['ward_officer', 'sign', 'ComplianceReport', submittedReport, undefined, true],
  ['ward_officer', 'update', 'ComplianceReport', contractorReport, undefined, false],
  ['ward_officer', 'create', 'ComplianceReport', contractorReport, undefined, false],
  ['ward_officer', 'read', 'CouncilSummary', summary, undefined, true],
  ['ward_officer', 'read', 'ComplianceReport', otherWardReport, undefined, false],
  ['ward_officer', 'sign', 'ComplianceReport', otherWardReport, undefined, false],
  ['ward_chief', 'sign', 'ComplianceReport', submittedReport, undefined, true],
  ['ward_chief', 'update', 'ComplianceReport', submittedReport, undefined, false],
  ['ward_manager', 'sign', 'ComplianceReport', subReport, undefined, true],
  ['ward_manager', 'read', 'CouncilSummary', otherWardSummary, undefined, false],

  // 監督員 reads them (the inspection checks the same duties), signs none
  ['inspector', 'read', 'ComplianceReport', otherCompanyReport, undefined, true],
  ['inspector', 'sign', 'ComplianceReport', submittedReport, undefined, false],
  ['inspector', 'read', 'CouncilSummary', summary, undefined, true],

  // 審議会委員: the summary only — no company's answers, and nothing to write
  ['council_reviewer', 'read', 'CouncilSummary', summary, undefined, true],
  ['council_reviewer', 'read', 'ComplianceReport', submittedReport, undefined, false],
  ['council_reviewer', 'sign', 'ComplianceReport', submittedReport, undefined, false],
  ['council_reviewer', 'update', 'ComplianceReport', contractorReport, undefined, false],
  ['council_reviewer', 'read', 'CouncilSummary', otherWardSummary, undefined, false],

  // 受託者: answers its own; reads (never answers) its sub-contractor's; no summaries
  ['contractor_manager', 'update', 'ComplianceReport', contractorReport, undefined, true],
  ['contractor_manager', 'read', 'ComplianceReport', submittedReport, undefined, true],
  ['contractor_manager', 'update', 'ComplianceReport', otherWardReport, undefined, true],
  ['contractor_manager', 'read', 'ComplianceReport', subReport, undefined, true],
  ['contractor_manager', 'update', 'ComplianceReport', subReport, undefined, false],
  ['contractor_manager', 'sign', 'ComplianceReport', contractorReport, undefined, false],
  ['contractor_manager', 'read', 'ComplianceReport', otherCompanyReport, undefined, false],
  ['contractor_manager', 'read', 'CouncilSummary', summary, undefined, false],
  ['contractor_staff', 'read', 'ComplianceReport', contractorReport, undefined, true],
  ['contractor_staff', 'read', 'ComplianceReport', subReport, undefined, true],
  ['contractor_staff', 'update', 'ComplianceReport', contractorReport, undefined, false],

  // 再委託先: answers its own report to the ward; never reads the contractor's
  ['sub_manager', 'update', 'ComplianceReport', subReport, undefined, true],
  ['sub_manager', 'read', 'ComplianceReport', contractorReport, undefined, false],
  ['sub_manager', 'update', 'ComplianceReport', contractorReport, undefined, false],
  ['sub_staff', 'read', 'ComplianceReport', subReport, undefined, true],
  ['sub_staff', 'read', 'ComplianceReport', submittedReport, undefined, false],
  ['sub_staff', 'update', 'ComplianceReport', subReport, undefined, false],

  // strangers
  ['other_company_manager', 'read', 'ComplianceReport', contractorReport, undefined, false],
  ['other_company_manager', 'read', 'ComplianceReport', subReport, undefined, false],
  ['other_company_manager', 'update', 'ComplianceReport', otherCompanyReport, undefined, true],
  ['other_company_staff', 'read', 'ComplianceReport', submittedReport, undefined, false],
  ['other_company_staff', 'read', 'ComplianceReport', otherCompanyReport, undefined, true],
  ['other_ward_officer', 'read', 'ComplianceReport', contractorReport, undefined, false],
  ['other_ward_officer', 'sign', 'ComplianceReport', submittedReport, undefined, false],
  ['other_ward_officer', 'read', 'ComplianceReport', otherWardReport, undefined, true],
  ['other_ward_manager', 'sign', 'ComplianceReport', subReport, undefined, false],
  ['other_ward_reviewer', 'read', 'CouncilSummary', summary, undefined, false],
  ['other_ward_reviewer', 'read', 'CouncilSummary', otherWardSummary, undefined, true],
];

describe('compliance report rules', () => {
  checkCases(cases, names);
});
