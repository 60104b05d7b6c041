import { type Contract, findContract } from '../contracts/contract.repository.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type Tx, type UseCaseContext } from '../shared/context.js';
import { ConflictError, ForbiddenError, notFound, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { findReportRequest, type ReportRequest } from './report-request.repository.js';
import { reportRequestWorkflow } from './report-request.workflow.js';

export interface RequestReportInput {
  /** A contract the requester may read: the one it holds (then `organisationId` names its
   * sub-contractor), or the sub-contract itself. */
  contractId: string;
  /** The company asked: the contractor of a sub-contract below `contractId`; default its own contractor. */
  organisationId?: string;
  topic: string;
  detail?: string | null;
  dueOn: string;
}

const notOurs = (en: string, ja: string) =>
  new ValidationError({ en, ja }, [{ path: 'organisationId', message: en, message_ja: ja }]);

/** The contract whose contractor is asked: the one named, or the sub-contract below it of `organisationId`. */
async function askedContract(tx: Tx, root: Contract, organisationId: string | undefined): Promise<Contract> {
  if (!organisationId || organisationId === root.contractorOrgId) return root;
  const child = await tx
    .selectFrom('contracts')
    .select('id')
    .where('ward_id', '=', root.wardId)
    .where('parent_contract_id', '=', root.id)
    .where('contractor_org_id', '=', organisationId)
    .where('contractor_access', '=', true)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const contract = child && (await findContract(tx, child.id));
  if (!contract)
    throw notOurs(
      'Not a sub-contractor of an approved sub-contract of this contract',
      'この契約の承認された再委託先ではありません',
    );
  return contract;
}

/**
 * 報告の求め: the contractor asks its own sub-contractor for a report (001 別紙7 第7条5, 003 丙15–16),
 * or the ward asks a company of one of its contracts. The contract must be in force; the due date
 * not before today (Japan time). A company asks only the sub-contractor directly below a contract it
 * holds (403 otherwise); a contract it may not read is a 404.
 */
export async function requestReport(ctx: UseCaseContext, input: RequestReportInput): Promise<ReportRequest> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const root = await findContract(tx, input.contractId);
    if (!root) throw notFound('Contract', '契約');
    authorize(ctx.ability, 'read', 'Contract', root);
    const contract = await askedContract(tx, root, input.organisationId);
    const company = ctx.actor.organisationKind === 'company';
    if (company) {
      const parent = contract.parentContractId
        ? await findContract(tx, contract.parentContractId)
        : undefined;
      if (
        parent?.contractorOrgId !== ctx.actor.organisationId ||
        contract.contractorOrgId === parent.contractorOrgId
      )
        // it reads this contract (or it would be a 404 already) but is not the contractor above it
        throw new ForbiddenError({
          en: 'A company asks reports only of the sub-contractor of a contract it holds',
          ja: '自社が受託した契約の再委託先にのみ報告を求めることができます',
        });
    }
    const requesterOrgId = company ? ctx.actor.organisationId : (ctx.actor.wardId ?? '');
    authorize(ctx.ability, 'create', 'ReportRequest', { wardId: contract.wardId, requesterOrgId });
    if (!['active', 'ending'].includes(contract.status) || !contract.contractorAccess)
      throw new ConflictError(
        {
          en: `Reports are asked under a contract in force (this one is ${contract.status})`,
          ja: '履行中の契約についてのみ報告を求めることができます',
        },
        { state: contract.status },
      );
    const today = toJapanDate(ctx.now());
    if (input.dueOn < today)
      throw new ValidationError({ en: 'The due date has passed', ja: '報告期限が過去の日付です' }, [
        {
          path: 'dueOn',
          message: `not before today (${today})`,
          message_ja: `本日（${today}）以降の日付を指定してください`,
        },
      ]);
    const now = ctx.now();
    const row = await tx
      .insertInto('report_requests')
      .values({
        ward_id: contract.wardId,
        contract_id: contract.id,
        requester_org_id: requesterOrgId,
        subject_org_id: contract.contractorOrgId,
        status: 'requested',
        ...machineColumns(reportRequestWorkflow),
        topic: input.topic.trim(),
        detail: input.detail?.trim() || null,
        due_on: input.dueOn,
        requested_by: ctx.actor.userId,
        requested_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = (await findReportRequest(tx, row.id))!;
    await audit({
      wardId: created.wardId,
      action: 'report_request.request',
      subjectType: 'ReportRequest',
      subjectId: created.id,
      before: null,
      after: {
        contractId: created.contractId,
        requesterOrgId,
        subjectOrgId: created.subjectOrgId,
        topic: created.topic,
        dueOn: created.dueOn,
        status: created.status,
        version: created.version,
      },
    });
    return created;
  });
}
