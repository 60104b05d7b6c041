import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { findContract } from '../contracts/contract.repository.js';
import { checkContractAllows } from '../contracts/contract.workflow.js';
import { getContract } from '../contracts/manage-contracts.js';
import { isMyNumberRegister } from '../my-number/my-number-profile.js';
import { citationFor, cite } from '../provisions/cite-provision.js';
import { findContractProvisions } from '../provisions/provisions.repository.js';
import { findRegisterRevision } from '../registers/register.repository.js';
import { allowedActions, type Viewer } from '../shared/allowed-actions.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { type FieldError, notFound, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { runStep } from '../shared/run-step.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { loadHandlers } from './handler.repository.js';
import {
  type HandlerListEntryInput,
  type HandlerListInChain,
  type HandlerListSubmission,
  handlerListFields,
  loadSubmission,
} from './handler-list.repository.js';
import {
  type HandlerListDecision,
  handlerListCommands,
  handlerListWorkflow,
} from './handler-list.workflow.js';
import { rosterErrors } from './roster-rules.js';

export type { HandlerListEntryInput, HandlerListSubmission };
export { handlerListFields };

// 取扱責任者及び取扱者の名簿: per contract and organisation. Every change is a new submission that
// the ward acknowledges (確認) or returns (差戻し); the history stays, so the list as of any date
// can be shown.

/** Submits the organisation's list for a contract it is party to (受託者・再委託先の取扱責任者). */
export async function submitHandlerList(
  ctx: UseCaseContext,
  contractId: string,
  entries: HandlerListEntryInput[],
): Promise<HandlerListSubmission> {
  const contract = await getContract(ctx, contractId);
  const organisationId = ctx.actor.organisationId;
  authorize(ctx.ability, 'create', 'HandlerList', {
    wardId: contract.wardId,
    organisationId,
    chainOrgIds: contract.chainOrgIds,
  });
  if (contract.contractorOrgId !== organisationId) {
    throw new ValidationError({
      en: 'Only the contractor of this contract submits its list',
      ja: 'この契約の受託者のみが名簿を提出できます',
    });
  }
  checkContractAllows(contract, { type: 'SUBMIT_HANDLER_LIST' });

  const handlers = await loadHandlers(ctx.db, [...new Set(entries.map((e) => e.handlerId))]);
  // 秘密の保持: the pledge answers the provisions' secrecy article, named beside the refusal.
  const secrecy = citationFor(await findContractProvisions(ctx.db, contract.wardId, contract.id), 'secrecy');
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const handler = handlers.find((h) => h.id === entry.handlerId);
    if (!handler || handler.organisationId !== organisationId) {
      errors.push({
        path: `entries.${i}.handlerId`,
        message: 'not a person of your organisation',
        message_ja: '自社に登録された取扱者ではありません',
      });
      return;
    }
    if (seen.has(entry.handlerId)) {
      errors.push({
        path: `entries.${i}.handlerId`,
        message: `${handler.fullName} is listed twice`,
        message_ja: `${handler.fullName}が重複しています`,
      });
    }
    seen.add(entry.handlerId);
    if (entry.effectiveTo && entry.effectiveTo < entry.effectiveFrom) {
      errors.push({
        path: `entries.${i}.effectiveTo`,
        message: 'ends before it starts',
        message_ja: '終了日が開始日より前です',
      });
    }
    // seed 004: the pledge is signed before work starts, and by every new hire.
    if (!handler.pledges.some((p) => p.signedOn <= entry.effectiveFrom)) {
      const { en, ja } = cite(
        {
          en: `${handler.fullName} has no confidentiality pledge signed on or before ${entry.effectiveFrom}`,
          ja: `${handler.fullName}の誓約書（${entry.effectiveFrom}以前の日付のもの）が提出されていません`,
        },
        secrecy,
      );
      errors.push({ path: `entries.${i}.handlerId`, message: en, message_ja: ja });
    }
  });
  if (!entries.some((e) => e.role === 'responsible' || e.role === 'general_manager')) {
    errors.push({
      path: 'entries',
      message: 'name a responsible person (取扱責任者, or the 統括責任者)',
      message_ja: '取扱責任者（又は統括責任者）を指定してください',
    });
  }
  errors.push(
    ...rosterErrors(entries, {
      handlers,
      reportedHandlerIds: await reportedHandlers(ctx.db, contract.wardId, contract.id, organisationId),
      today: toJapanDate(ctx.now()),
      myNumberContract: isMyNumberRegister(
        (await findRegisterRevision(ctx.db, contract.wardId, contract.id)).document,
      ),
      secrecy,
    }),
  );
  if (errors.length)
    throw new ValidationError({ en: 'The handler list is not valid', ja: '名簿に誤りがあります' }, errors);

  return inTransaction(ctx, async ({ tx, audit }) => {
    await findContract(tx, contractId, true); // one submission at a time per contract
    const row = await tx
      .insertInto('handler_list_submissions')
      .values({
        ward_id: contract.wardId,
        contract_id: contractId,
        organisation_id: organisationId,
        status: 'submitted',
        ...machineColumns(handlerListWorkflow),
        submitted_by: ctx.actor.userId,
        submitted_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('handler_list_entries')
      .values(
        entries.map((e) => ({
          ward_id: contract.wardId,
          submission_id: row.id,
          handler_id: e.handlerId,
          role: e.role,
          effective_from: e.effectiveFrom,
          effective_to: e.effectiveTo ?? null,
          task: e.task?.trim() || null,
          handles_my_number: e.handlesMyNumber ?? false,
        })),
      )
      .execute();
    const submission = await loadSubmission(tx, contract.wardId, row.id);
    await audit({
      wardId: contract.wardId,
      action: 'handler_list.submit',
      subjectType: 'HandlerList',
      subjectId: row.id,
      after: submission,
    });
    return submission;
  });
}

/** The people already reported to the ward on an acknowledged list of this contract and organisation. */
async function reportedHandlers(
  db: UseCaseContext['db'],
  wardId: string,
  contractId: string,
  organisationId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('handler_list_entries as e')
    .innerJoin('handler_list_submissions as s', (j) =>
      j.onRef('s.ward_id', '=', 'e.ward_id').onRef('s.id', '=', 'e.submission_id'),
    )
    .select('e.handler_id')
    .distinct()
    .where('s.ward_id', '=', wardId)
    .where('s.contract_id', '=', contractId)
    .where('s.organisation_id', '=', organisationId)
    .where('s.status', '=', 'acknowledged')
    .execute();
  return new Set(rows.map((r) => r.handler_id));
}

/** The ward acknowledges (確認) or returns (差戻し) a submitted list. */
export async function decideHandlerList(
  ctx: UseCaseContext,
  contractId: string,
  submissionId: string,
  decision: 'acknowledge' | 'return',
  comment: string | null,
  expectedVersion: number,
): Promise<HandlerListSubmission> {
  await getContract(ctx, contractId);
  const { chainOrgIds: _chain, ...after } = await runStep(
    ctx,
    handlerListWorkflow,
    handlerListCommands[decision],
    submissionId,
    { contractId, comment },
    expectedVersion,
  );
  return after;
}

/**
 * The lists of a contract: per organisation, the one in force at `asOf` (the latest acknowledged
 * submission by then, with the entries effective on that day), and the whole history.
 */
export async function readHandlerLists(ctx: UseCaseContext, contractId: string, asOf?: Date) {
  const contract = await getContract(ctx, contractId);
  const at = asOf ?? ctx.now();
  const visible = await ctx.db
    .selectFrom('handler_list_submissions')
    .select(['id', 'organisation_id', 'status', 'submitted_at', 'decided_at'])
    .where('ward_id', '=', contract.wardId)
    .where('contract_id', '=', contractId)
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'HandlerList', handlerListFields))
    .orderBy('submitted_at', 'desc')
    .execute();
  const inForce = new Map<string, string>();
  for (const r of visible) {
    if (
      r.status === 'acknowledged' &&
      r.decided_at &&
      r.decided_at <= at &&
      !inForce.has(r.organisation_id)
    ) {
      inForce.set(r.organisation_id, r.id);
    }
  }
  const dayOf = toJapanDate(at);
  const current = [];
  for (const id of inForce.values()) {
    const submission = await loadSubmission(ctx.db, contract.wardId, id);
    current.push({
      ...submission,
      entries: submission.entries.filter(
        (e) => e.effectiveFrom <= dayOf && (!e.effectiveTo || e.effectiveTo >= dayOf),
      ),
    });
  }
  return {
    asOf: at,
    current,
    history: visible.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      status: r.status,
      submittedAt: r.submitted_at,
      decidedAt: r.decided_at,
    })),
  };
}

export async function readSubmission(ctx: UseCaseContext, contractId: string, submissionId: string) {
  const contract = await getContract(ctx, contractId);
  const exists = await ctx.db
    .selectFrom('handler_list_submissions')
    .select('organisation_id')
    .where('ward_id', '=', contract.wardId)
    .where('contract_id', '=', contractId)
    .where('id', '=', submissionId)
    .executeTakeFirst();
  if (!exists) throw notFound('Handler list', '名簿');
  authorize(ctx.ability, 'read', 'HandlerList', {
    wardId: contract.wardId,
    organisationId: exists.organisation_id,
    chainOrgIds: contract.chainOrgIds,
  });
  return loadSubmission(ctx.db, contract.wardId, submissionId);
}

/** The decisions (確認・差戻し) this person may take on a submitted list now. */
export function handlerListActions(viewer: Viewer, submission: HandlerListInChain): HandlerListDecision[] {
  return allowedActions(
    viewer,
    handlerListWorkflow,
    Object.values(handlerListCommands),
    submission,
  ) as HandlerListDecision[];
}

/** The lists of a contract waiting for a decision this person may take (the ward's 確認待ち). */
export async function listsAwaitingDecision(ctx: UseCaseContext, contractId: string) {
  const contract = await getContract(ctx, contractId);
  const waiting = await ctx.db
    .selectFrom('handler_list_submissions')
    .select('id')
    .where('ward_id', '=', contract.wardId)
    .where('contract_id', '=', contractId)
    .where('status', '=', 'submitted')
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'HandlerList', handlerListFields))
    .orderBy('submitted_at')
    .execute();
  const submissions = await Promise.all(
    waiting.map(async (row) => ({
      ...(await loadSubmission(ctx.db, contract.wardId, row.id)),
      chainOrgIds: contract.chainOrgIds,
    })),
  );
  return submissions.filter((s) => handlerListActions(ctx, s).length > 0);
}
