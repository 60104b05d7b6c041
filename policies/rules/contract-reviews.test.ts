import { describe } from 'vitest';
import { checkCases, OTHER_WARD, type PolicyCase, recordNames, WARD } from './policy-table.js';

// 見直し周期 and the controls' coverage, as defined in contract-reviews.ts: the ward's signers set
// cycles and complete reviews; inspectors read; no company (the contractor of the contract
// included), no council reviewer and no other ward sees either.

const review = { wardId: WARD };
const coverage = { wardId: WARD };
const otherWardReview = { wardId: OTHER_WARD };
const otherWardCoverage = { wardId: OTHER_WARD };
const names = recordNames({ review, coverage, otherWardReview, otherWardCoverage });

const cases: PolicyCase[] = [
  ['system_admin', 'update', 'ContractReview', otherWardReview, undefined, true],
  ['ward_officer', 'update', 'ContractReview', review, undefined, true],
  ['ward_officer', 'read', 'ControlCoverage', coverage, undefined, true],
  ['ward_officer', 'update', 'ContractReview', otherWardReview, undefined, false],
  ['ward_chief', 'update', 'ContractReview', review, undefined, true],
  ['ward_manager', 'update', 'ContractReview', review, undefined, true],
  ['ward_manager', 'read', 'ControlCoverage', coverage, undefined, true],
  ['inspector', 'read', 'ContractReview', review, undefined, true],
  ['inspector', 'update', 'ContractReview', review, undefined, false],
  ['inspector', 'read', 'ControlCoverage', coverage, undefined, true],
  ['council_reviewer', 'read', 'ContractReview', review, undefined, false],
  ['council_reviewer', 'read', 'ControlCoverage', coverage, undefined, false],
  ['contractor_manager', 'read', 'ControlCoverage', coverage, undefined, false],
  ['contractor_manager', 'read', 'ContractReview', review, undefined, false],
  ['contractor_staff', 'read', 'ControlCoverage', coverage, undefined, false],
  ['sub_manager', 'read', 'ControlCoverage', coverage, undefined, false],
  ['sub_staff', 'update', 'ContractReview', review, undefined, false],
  ['other_company_manager', 'read', 'ControlCoverage', coverage, undefined, false],
  ['other_company_staff', 'read', 'ContractReview', review, undefined, false],
  ['other_ward_officer', 'read', 'ControlCoverage', coverage, undefined, false],
  ['other_ward_officer', 'read', 'ControlCoverage', otherWardCoverage, undefined, true],
  ['other_ward_manager', 'update', 'ContractReview', review, undefined, false],
  ['other_ward_reviewer', 'read', 'ControlCoverage', otherWardCoverage, undefined, false],
];

describe('contract reviews and control coverage', () => checkCases(cases, names));
