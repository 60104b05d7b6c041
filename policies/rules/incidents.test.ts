import { describe } from 'vitest';
import {
  CONTRACTOR,
  checkCases,
  OTHER_COMPANY,
  OTHER_WARD,
  PEOPLE,
  type PolicyCase,
  recordNames,
  SUB,
  WARD,
} from './policy-table.js';

// Incidents (事故報告), as defined in reports.ts: any member of a company reports at once, whoever
// is at fault; the company's manager responds (update); the ward instructs, signs off and publishes
// (sign). A sub-contractor's report reaches the ward directly and the contractor above it
// (chainOrgIds). Council reviewers see summaries only, never an incident.

const contractorIncident = { wardId: WARD, reportingOrgId: CONTRACTOR, chainOrgIds: [], status: 'reported' };
const instructedIncident = { ...contractorIncident, status: 'instructed' };
const subIncident = { wardId: WARD, reportingOrgId: SUB, chainOrgIds: [CONTRACTOR], status: 'reported' };
const otherCompanyIncident = {
  wardId: WARD,
  reportingOrgId: OTHER_COMPANY,
  chainOrgIds: [],
  status: 'reported',
};
const otherWardIncident = {
  wardId: OTHER_WARD,
  reportingOrgId: CONTRACTOR,
  chainOrgIds: [],
  status: 'reported',
};
/** The subject of a new report: only who reports it (the use case checks the contract is theirs). */
const newByContractor = { reportingOrgId: CONTRACTOR };
const newBySub = { reportingOrgId: SUB };
const newByOther = { reportingOrgId: OTHER_COMPANY };
const officersNotice = { userId: PEOPLE.ward_officer.userId };

const names = recordNames({
  contractorIncident,
  instructedIncident,
  subIncident,
  otherCompanyIncident,
  otherWardIncident,
  newByContractor,
  newBySub,
  newByOther,
  officersNotice,
});

const cases: PolicyCase[] = [
  ['system_admin', 'sign', 'Incident', otherWardIncident, undefined, true],

  // the ward reads every incident of its own, and its signers instruct, sign off and publish
  ['ward_officer', 'read', 'Incident', subIncident, undefined, true],
  ['ward_officer', 'sign', 'Incident', contractorIncident, undefined, true],
  ['ward_officer', 'update', 'Incident', instructedIncident, undefined, false],
  ['ward_officer', 'create', 'Incident', newByContractor, undefined, false],
  ['ward_officer', 'read', 'Incident', otherWardIncident, undefined, false],
  ['ward_officer', 'read', 'Notification', officersNotice, undefined, true],
  ['ward_chief', 'sign', 'Incident', instructedIncident, undefined, true],
  ['ward_chief', 'read', 'Notification', officersNotice, undefined, false],
  ['ward_manager', 'sign', 'Incident', subIncident, undefined, true],
  ['ward_manager', 'sign', 'Incident', otherWardIncident, undefined, false],
  ['inspector', 'read', 'Incident', otherCompanyIncident, undefined, true],
  ['inspector', 'sign', 'Incident', contractorIncident, undefined, false],

  // 審議会委員: no incident details, no writing
  ['council_reviewer', 'read', 'Incident', contractorIncident, undefined, false],
  ['council_reviewer', 'sign', 'Incident', contractorIncident, undefined, false],
  ['council_reviewer', 'create', 'Incident', newByContractor, undefined, false],

  // 受託者: reports and responds for itself; reads its sub-contractor's, answers none of them
  ['contractor_manager', 'create', 'Incident', newByContractor, undefined, true],
  ['contractor_manager', 'update', 'Incident', instructedIncident, undefined, true],
  ['contractor_manager', 'read', 'Incident', otherWardIncident, undefined, true],
  ['contractor_manager', 'read', 'Incident', subIncident, undefined, true],
  ['contractor_manager', 'update', 'Incident', subIncident, undefined, false],
  ['contractor_manager', 'create', 'Incident', newBySub, undefined, false],
  ['contractor_manager', 'sign', 'Incident', contractorIncident, undefined, false],
  ['contractor_manager', 'read', 'Incident', otherCompanyIncident, undefined, false],
  // any member reports at once (直ちに報告); only the manager responds
  ['contractor_staff', 'create', 'Incident', newByContractor, undefined, true],
  ['contractor_staff', 'read', 'Incident', subIncident, undefined, true],
  ['contractor_staff', 'update', 'Incident', instructedIncident, undefined, false],

  // 再委託先: reports straight to the ward; never reads the contractor's
  ['sub_manager', 'create', 'Incident', newBySub, undefined, true],
  ['sub_manager', 'update', 'Incident', subIncident, undefined, true],
  ['sub_manager', 'read', 'Incident', contractorIncident, undefined, false],
  ['sub_manager', 'create', 'Incident', newByContractor, undefined, false],
  ['sub_staff', 'create', 'Incident', newBySub, undefined, true],
  ['sub_staff', 'read', 'Incident', subIncident, undefined, true],
  ['sub_staff', 'read', 'Incident', instructedIncident, undefined, false],

  // strangers
  ['other_company_manager', 'read', 'Incident', contractorIncident, undefined, false],
  ['other_company_manager', 'read', 'Incident', subIncident, undefined, false],
  ['other_company_manager', 'create', 'Incident', newByContractor, undefined, false],
  ['other_company_manager', 'create', 'Incident', newByOther, undefined, true],
  ['other_company_staff', 'update', 'Incident', otherCompanyIncident, undefined, false],
  ['other_company_staff', 'read', 'Incident', otherCompanyIncident, undefined, true],
  ['other_ward_officer', 'read', 'Incident', contractorIncident, undefined, false],
  ['other_ward_officer', 'sign', 'Incident', subIncident, undefined, false],
  ['other_ward_officer', 'read', 'Notification', officersNotice, undefined, false],
  ['other_ward_manager', 'sign', 'Incident', otherWardIncident, undefined, true],
  ['other_ward_reviewer', 'read', 'Incident', otherWardIncident, undefined, false],
];

describe('incident rules', () => {
  checkCases(cases, names);
});
