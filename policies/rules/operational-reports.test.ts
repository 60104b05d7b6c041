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

// 業務報告, 定例会議 and 改善勧告, as defined in operational-reports.ts: between the city and the
// contract's contractor only. Its staff submit and read; only its manager answers a
// recommendation; the city's signers sign, recommend and decide; inspectors read; nobody else.

const report = { wardId: WARD, organisationId: CONTRACTOR };
const subsReport = { wardId: WARD, organisationId: SUB };
const otherWardReport = { wardId: OTHER_WARD, organisationId: CONTRACTOR };

const names = recordNames({ report, subsReport, otherWardReport });

const cases: PolicyCase[] = [
  ['system_admin', 'read', 'OperationalReport', otherWardReport, undefined, true],
  ['ward_officer', 'sign', 'OperationalReport', report, undefined, true],
  ['ward_manager', 'sign', 'OperationalReport', otherWardReport, undefined, false],
  ['inspector', 'read', 'OperationalReport', report, undefined, true],
  ['inspector', 'sign', 'OperationalReport', report, undefined, false],
  ['council_reviewer', 'read', 'OperationalReport', report, undefined, false],
  ['contractor_manager', 'update', 'OperationalReport', report, undefined, true],
  ['contractor_staff', 'create', 'OperationalReport', report, undefined, true],
  ['contractor_manager', 'sign', 'OperationalReport', report, undefined, false],
  ['contractor_manager', 'read', 'OperationalReport', subsReport, undefined, false],
  ['sub_manager', 'read', 'OperationalReport', report, undefined, false],
  ['sub_staff', 'create', 'OperationalReport', report, undefined, false],
  ['other_company_staff', 'read', 'OperationalReport', report, undefined, false],
  ['other_ward_reviewer', 'read', 'ImprovementRecommendation', otherWardReport, undefined, false],
  ['other_company_manager', 'read', 'OperationalReport', report, undefined, false],
  ['other_ward_officer', 'read', 'OperationalReport', report, undefined, false],

  ['ward_chief', 'create', 'RegularMeeting', report, undefined, true],
  ['contractor_staff', 'create', 'RegularMeeting', report, undefined, true],
  ['contractor_staff', 'read', 'RegularMeeting', report, undefined, true],
  ['inspector', 'create', 'RegularMeeting', report, undefined, false],
  ['sub_manager', 'read', 'RegularMeeting', report, undefined, false],
  ['other_ward_officer', 'create', 'RegularMeeting', report, undefined, false],

  ['ward_officer', 'create', 'ImprovementRecommendation', report, undefined, true],
  ['ward_officer', 'update', 'ImprovementRecommendation', report, 'decision', true],
  ['ward_officer', 'update', 'ImprovementRecommendation', report, 'answer', false],
  ['contractor_manager', 'update', 'ImprovementRecommendation', report, 'answer', true],
  ['contractor_manager', 'update', 'ImprovementRecommendation', report, 'decision', false],
  ['contractor_manager', 'create', 'ImprovementRecommendation', report, undefined, false],
  ['contractor_staff', 'update', 'ImprovementRecommendation', report, 'answer', false],
  ['contractor_staff', 'read', 'ImprovementRecommendation', report, undefined, true],
  ['other_company_manager', 'update', 'ImprovementRecommendation', report, 'answer', false],
  ['other_ward_manager', 'update', 'ImprovementRecommendation', report, 'decision', false],
];

describe('operational report, meeting and recommendation rules', () => {
  checkCases(cases, names);
});
