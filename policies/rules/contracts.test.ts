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

// Contracts (委託契約) with their registers, handler lists (取扱者名簿) and handlers (取扱者), as
// defined in contracts.ts. The state of a record is the workflow's business: the rules grant the
// same on a draft as on an active contract, and the machine refuses what the state does not allow.

const contract = {
  wardId: WARD,
  status: 'active',
  contractorOrgId: CONTRACTOR,
  contractorAccess: true,
  chainOrgIds: [],
};
const draftContract = { ...contract, status: 'draft' };
/** The sub-contract of the call centre, once its 再委託 is approved. */
const subContract = {
  wardId: WARD,
  status: 'active',
  contractorOrgId: SUB,
  contractorAccess: true,
  chainOrgIds: [CONTRACTOR],
};
/** The same sub-contract while its application is still under review: not yet the sub's to see. */
const pendingSubContract = { ...subContract, status: 'draft', contractorAccess: false };
const otherWardContract = {
  wardId: OTHER_WARD,
  status: 'active',
  contractorOrgId: OTHER_COMPANY,
  contractorAccess: true,
  chainOrgIds: [],
};
/** A contract of another ward with the same contractor: a company may work for several wards. */
const contractorInOtherWard = { ...otherWardContract, contractorOrgId: CONTRACTOR };

const contractorList = { wardId: WARD, organisationId: CONTRACTOR, chainOrgIds: [], status: 'submitted' };
const subList = { wardId: WARD, organisationId: SUB, chainOrgIds: [CONTRACTOR], status: 'submitted' };
const otherWardList = { wardId: OTHER_WARD, organisationId: OTHER_COMPANY, chainOrgIds: [] };

const contractorHandler = { organisationId: CONTRACTOR, listedInWardIds: [WARD] };
const subHandler = { organisationId: SUB, listedInWardIds: [WARD] };
/** A handler not (yet) on any list of the ward: the ward does not see them. */
const unlistedHandler = { organisationId: CONTRACTOR, listedInWardIds: [] };

const catalogue = { wardId: WARD };
const otherWardCatalogue = { wardId: OTHER_WARD };

const names = recordNames({
  contract,
  draftContract,
  subContract,
  pendingSubContract,
  otherWardContract,
  contractorInOtherWard,
  contractorList,
  subList,
  otherWardList,
  contractorHandler,
  subHandler,
  unlistedHandler,
  catalogue,
  otherWardCatalogue,
});

const cases: PolicyCase[] = [
  // システム管理者: everything
  ['system_admin', 'update', 'Contract', otherWardContract, undefined, true],
  ['system_admin', 'delete', 'HandlerList', subList, undefined, true],

  // 個人情報保護担当: registers and changes the ward's contracts and registers, acknowledges lists
  ['ward_officer', 'create', 'Contract', contract, undefined, true],
  ['ward_officer', 'update', 'Contract', draftContract, undefined, true],
  ['ward_officer', 'update', 'Contract', subContract, undefined, true],
  ['ward_officer', 'read', 'Contract', pendingSubContract, undefined, true],
  ['ward_officer', 'create', 'DataItemCatalogue', catalogue, undefined, true],
  ['ward_officer', 'read', 'HandlerList', subList, undefined, true],
  ['ward_officer', 'update', 'HandlerList', contractorList, undefined, true],
  ['ward_officer', 'read', 'Handler', subHandler, undefined, true],
  ['ward_officer', 'read', 'Handler', unlistedHandler, undefined, false],
  ['ward_officer', 'create', 'HandlerList', contractorList, undefined, false],
  ['ward_officer', 'update', 'Handler', contractorHandler, undefined, false],
  ['ward_officer', 'delete', 'Contract', draftContract, undefined, false],
  ['ward_officer', 'read', 'Contract', otherWardContract, undefined, false],
  ['ward_officer', 'update', 'Contract', contractorInOtherWard, undefined, false],
  ['ward_officer', 'create', 'DataItemCatalogue', otherWardCatalogue, undefined, false],

  // 係長・課長: read the ward's contracts and lists, change none
  ['ward_chief', 'read', 'Contract', contract, undefined, true],
  ['ward_chief', 'read', 'HandlerList', contractorList, undefined, true],
  ['ward_chief', 'update', 'Contract', draftContract, undefined, false],
  ['ward_chief', 'update', 'HandlerList', contractorList, undefined, false],
  ['ward_manager', 'read', 'Contract', subContract, undefined, true],
  ['ward_manager', 'read', 'Handler', contractorHandler, undefined, true],
  ['ward_manager', 'create', 'Contract', contract, undefined, false],
  ['ward_manager', 'read', 'HandlerList', otherWardList, undefined, false],

  // 監督員: reads what it inspects, changes none
  ['inspector', 'read', 'Contract', subContract, undefined, true],
  ['inspector', 'read', 'HandlerList', subList, undefined, true],
  ['inspector', 'update', 'Contract', contract, undefined, false],
  ['inspector', 'create', 'DataItemCatalogue', catalogue, undefined, false],

  // 審議会委員: reads the ward's contracts, never the people on the lists, never writes
  ['council_reviewer', 'read', 'Contract', contract, undefined, true],
  ['council_reviewer', 'update', 'Contract', draftContract, undefined, false],
  ['council_reviewer', 'create', 'Contract', contract, undefined, false],
  ['council_reviewer', 'read', 'HandlerList', contractorList, undefined, false],
  ['council_reviewer', 'read', 'Handler', contractorHandler, undefined, false],
  ['council_reviewer', 'read', 'Contract', otherWardContract, undefined, false],

  // 受託者: its own contracts in every ward, and the sub-contracts below it, which it supervises
  ['contractor_manager', 'read', 'Contract', contract, undefined, true],
  ['contractor_manager', 'read', 'Contract', contractorInOtherWard, undefined, true],
  ['contractor_manager', 'read', 'Contract', subContract, undefined, true],
  ['contractor_manager', 'read', 'Contract', pendingSubContract, undefined, true],
  ['contractor_manager', 'update', 'Contract', contract, undefined, false],
  ['contractor_manager', 'create', 'Contract', contract, undefined, false],
  ['contractor_manager', 'create', 'HandlerList', contractorList, undefined, true],
  ['contractor_manager', 'read', 'HandlerList', subList, undefined, true],
  ['contractor_manager', 'create', 'HandlerList', subList, undefined, false],
  ['contractor_manager', 'update', 'HandlerList', contractorList, undefined, false],
  ['contractor_manager', 'create', 'Handler', contractorHandler, undefined, true],
  ['contractor_manager', 'update', 'Handler', unlistedHandler, undefined, true],
  ['contractor_manager', 'update', 'Handler', subHandler, undefined, false],
  ['contractor_manager', 'read', 'Contract', otherWardContract, undefined, false],
  ['contractor_staff', 'read', 'Contract', contract, undefined, true],
  ['contractor_staff', 'read', 'HandlerList', contractorList, undefined, true],
  ['contractor_staff', 'read', 'Handler', contractorHandler, undefined, true],
  ['contractor_staff', 'create', 'HandlerList', contractorList, undefined, false],
  ['contractor_staff', 'create', 'Handler', contractorHandler, undefined, false],

  // 再委託先: its own sub-contract once approved; never the contract above it
  ['sub_manager', 'read', 'Contract', subContract, undefined, true],
  ['sub_manager', 'read', 'Contract', pendingSubContract, undefined, false],
  ['sub_manager', 'read', 'Contract', contract, undefined, false],
  ['sub_manager', 'read', 'HandlerList', contractorList, undefined, false],
  ['sub_manager', 'create', 'HandlerList', subList, undefined, true],
  ['sub_manager', 'read', 'Handler', contractorHandler, undefined, false],
  ['sub_manager', 'create', 'Handler', subHandler, undefined, true],
  ['sub_manager', 'update', 'Contract', subContract, undefined, false],
  ['sub_staff', 'read', 'Contract', subContract, undefined, true],
  ['sub_staff', 'read', 'HandlerList', subList, undefined, true],
  ['sub_staff', 'read', 'Contract', contract, undefined, false],
  ['sub_staff', 'create', 'Handler', subHandler, undefined, false],

  // a company with no part in these contracts
  ['other_company_manager', 'read', 'Contract', contract, undefined, false],
  ['other_company_manager', 'read', 'Contract', subContract, undefined, false],
  ['other_company_manager', 'read', 'HandlerList', contractorList, undefined, false],
  ['other_company_manager', 'create', 'HandlerList', contractorList, undefined, false],
  ['other_company_manager', 'update', 'Handler', contractorHandler, undefined, false],
  ['other_company_staff', 'read', 'Handler', contractorHandler, undefined, false],
  ['other_company_staff', 'read', 'Contract', contract, undefined, false],

  // another ward's staff see nothing of this ward's
  ['other_ward_officer', 'read', 'Contract', contract, undefined, false],
  ['other_ward_officer', 'update', 'Contract', draftContract, undefined, false],
  ['other_ward_officer', 'read', 'HandlerList', contractorList, undefined, false],
  ['other_ward_officer', 'read', 'Handler', contractorHandler, undefined, false],
  ['other_ward_officer', 'update', 'Contract', otherWardContract, undefined, true],
  ['other_ward_manager', 'read', 'Contract', subContract, undefined, false],
  ['other_ward_reviewer', 'read', 'Contract', contract, undefined, false],
  ['other_ward_reviewer', 'read', 'Contract', otherWardContract, undefined, true],
];

describe('contract rules', () => {
  checkCases(cases, names);
});
