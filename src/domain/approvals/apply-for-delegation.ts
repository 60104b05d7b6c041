import type { CouncilMode } from '../../db/tables/approvals.js';
import { findContract } from '../contracts/contract.repository.js';
import { checkContractAllows } from '../contracts/contract.workflow.js';
import { findRegisterRevision } from '../registers/register.repository.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type Tx, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound } from '../shared/errors.js';
import { allocateRecordNumber } from '../shared/record-numbers.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import type { DelegationApplication } from './application.js';
import { type Approval, findApproval, wardApprovalSettings } from './approval.repository.js';
import { approvalWorkflow } from './approval.workflow.js';
import { materialChanges } from './material-changes.js';

const OPEN = ['draft', 'submitted', 'under_review', 'changes_requested', 'awaiting_council'];

/** The application, read from the contract and its register as they stand now. */
export async function delegationApplicationOf(tx: Tx, contractId: string, previous?: DelegationApplication) {
  const contract = (await findContract(tx, contractId))!;
  const register = await findRegisterRevision(tx, contract.wardId, contract.id);
  const application: DelegationApplication = {
    kind: 'delegation',
    title: contract.title,
    departmentId: contract.departmentId,
    contractorOrgId: contract.contractorOrgId,
    selectionMethod: contract.selectionMethod,
    requiredCertifications: contract.requiredCertifications,
    workDescription: contract.workDescription,
    reason: contract.reason,
    periodFrom: contract.periodFrom,
    periodTo: contract.periodTo,
    register: register.document,
    wardMeasures: contract.wardMeasures,
    contractorMeasures: contract.contractorMeasures,
    changes: [],
  };
  if (previous) application.changes = materialChanges(previous, application);
  return { contract, register, application };
}

/**
 * 委託の承認申請: the department applies for approval of a contract that involves personal
 * information. The council is informed (報告, the default) or consulted (諮問) as the ward decides.
 */
export async function applyForDelegation(
  ctx: UseCaseContext,
  contractId: string,
  input: { councilMode?: CouncilMode; reviewDueOn?: string | null },
): Promise<Approval> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const contract = await findContract(tx, contractId, true);
    if (!contract) throw notFound('Contract', '契約');
    authorize(ctx.ability, 'read', 'Contract', contract);
    authorize(ctx.ability, 'create', 'Approval', { wardId: contract.wardId, kind: 'delegation' });
    checkContractAllows(contract, { type: 'APPLY_DELEGATION' });
    if (contract.parentContractId) {
      throw new ConflictError({
        en: 'A sub-contract is approved through its sub-delegation',
        ja: '再委託は再委託の承認申請で扱います',
      });
    }
    const existing = await tx
      .selectFrom('approvals')
      .select(['id', 'status'])
      .where('ward_id', '=', contract.wardId)
      .where('contract_id', '=', contractId)
      .where('kind', '=', 'delegation')
      .orderBy('created_at', 'desc')
      .execute();
    const open = existing.find((a) => OPEN.includes(a.status));
    if (open) {
      throw new ConflictError(
        { en: 'An application for this contract is already open', ja: 'この契約の承認申請は既に手続中です' },
        { approvalId: open.id },
      );
    }
    const approved = existing.find((a) => a.status === 'approved');
    const previous = approved ? await findApproval(tx, approved.id) : undefined;
    const { register, application } = await delegationApplicationOf(
      tx,
      contractId,
      previous?.application.kind === 'delegation' ? previous.application : undefined,
    );
    if (previous && application.changes.length === 0) {
      throw new ConflictError({
        en: 'The contract is approved and nothing material has changed',
        ja: '承認済みであり、重要な変更はありません',
      });
    }
    const settings = await wardApprovalSettings(tx, contract.wardId);
    const row = await tx
      .insertInto('approvals')
      .values({
        number: await allocateRecordNumber(tx, contract.wardId, 'delegation', ctx.now()),
        ward_id: contract.wardId,
        kind: 'delegation',
        contract_id: contractId,
        applicant_org_id: contract.wardId,
        status: 'draft',
        ...machineColumns(approvalWorkflow),
        chain: settings.signOffChain,
        council_mode: contract.handlesPersonalInfo ? (input.councilMode ?? 'report') : 'none',
        application: JSON.stringify(application),
        register_revision: register.revision,
        review_due_on: input.reviewDueOn ?? null,
        supersedes_id: previous?.id ?? null,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = (await findApproval(tx, row.id))!;
    await audit({
      wardId: contract.wardId,
      action: 'approval.apply',
      subjectType: 'Approval',
      subjectId: row.id,
      after: created,
    });
    return created;
  });
}
