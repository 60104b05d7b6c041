import { sql } from 'kysely';
import { accessibleBy, type FieldMap, membership } from '../../../policies/rules-to-sql.js';
import { findContract } from '../contracts/contract.repository.js';
import { getContract } from '../contracts/manage-contracts.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, type FieldError, notFound, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { checkVersion } from '../shared/versioning.js';
import { type Handler, loadHandlers } from './handler.repository.js';

// 取扱責任者及び取扱者の名簿: per contract and organisation. Every change is a new submission that
// the ward acknowledges (確認) or returns (差戻し); the history stays, so the list as of any date
// can be shown.

export const handlerListFields: FieldMap = {
  wardId: 'handler_list_submissions.ward_id',
  organisationId: 'handler_list_submissions.organisation_id',
  // a contractor supervises the lists of the sub-contracts below it
  chainOrgIds: membership((eb, orgId) =>
    eb.exists(
      eb
        .selectFrom('contracts as c')
        .select(sql`1`.as('one'))
        .whereRef('c.ward_id', '=', 'handler_list_submissions.ward_id')
        .whereRef('c.id', '=', 'handler_list_submissions.contract_id')
        .where(sql<boolean>`${orgId}::uuid = any(c.chain_org_ids)`),
    ),
  ),
};

export interface HandlerListEntryInput {
  handlerId: string;
  role: 'responsible' | 'handler';
  effectiveFrom: string;
  effectiveTo?: string | null;
}

export interface HandlerListSubmission {
  id: string;
  contractId: string;
  wardId: string;
  organisationId: string;
  status: 'submitted' | 'acknowledged' | 'returned';
  submittedBy: string | null;
  submittedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string | null;
  version: number;
  entries: Array<HandlerListEntryInput & { handler: Handler }>;
}

async function loadSubmission(
  db: UseCaseContext['db'],
  wardId: string,
  id: string,
): Promise<HandlerListSubmission> {
  const row = await db
    .selectFrom('handler_list_submissions')
    .selectAll()
    .where('ward_id', '=', wardId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const entries = await db
    .selectFrom('handler_list_entries')
    .selectAll()
    .where('ward_id', '=', wardId)
    .where('submission_id', '=', id)
    .execute();
  const handlers = await loadHandlers(
    db,
    entries.map((e) => e.handler_id),
  );
  return {
    id: row.id,
    contractId: row.contract_id,
    wardId: row.ward_id,
    organisationId: row.organisation_id,
    status: row.status,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    comment: row.comment,
    version: row.version,
    entries: entries
      .map((e) => ({
        handlerId: e.handler_id,
        role: e.role,
        effectiveFrom: e.effective_from,
        effectiveTo: e.effective_to,
        handler: handlers.find((h) => h.id === e.handler_id)!,
      }))
      .sort((a, b) =>
        a.role === b.role
          ? a.handler.fullName.localeCompare(b.handler.fullName, 'ja')
          : a.role === 'responsible'
            ? -1
            : 1,
      ),
  };
}

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
  if (contract.status === 'closed') {
    throw new ConflictError(
      { en: 'The contract is closed', ja: '契約は完了しています' },
      { state: 'closed' },
    );
  }

  const handlers = await loadHandlers(ctx.db, [...new Set(entries.map((e) => e.handlerId))]);
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
      errors.push({
        path: `entries.${i}.handlerId`,
        message: `${handler.fullName} has no confidentiality pledge signed on or before ${entry.effectiveFrom}`,
        message_ja: `${handler.fullName}の誓約書（${entry.effectiveFrom}以前の日付のもの）が提出されていません`,
      });
    }
  });
  if (!entries.some((e) => e.role === 'responsible')) {
    errors.push({
      path: 'entries',
      message: 'name a responsible person (取扱責任者)',
      message_ja: '取扱責任者を指定してください',
    });
  }
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

/** The ward acknowledges (確認) or returns (差戻し) a submitted list. */
export async function decideHandlerList(
  ctx: UseCaseContext,
  contractId: string,
  submissionId: string,
  decision: 'acknowledge' | 'return',
  comment: string | null,
  expectedVersion: number,
): Promise<HandlerListSubmission> {
  const contract = await getContract(ctx, contractId);
  return inTransaction(ctx, async ({ tx, audit }) => {
    const row = await tx
      .selectFrom('handler_list_submissions')
      .selectAll()
      .where('ward_id', '=', contract.wardId)
      .where('id', '=', submissionId)
      .where('contract_id', '=', contractId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('Handler list', '名簿');
    authorize(ctx.ability, 'update', 'HandlerList', {
      wardId: row.ward_id,
      organisationId: row.organisation_id,
      chainOrgIds: contract.chainOrgIds,
    });
    checkVersion('名簿 / Handler list', expectedVersion, row.version);
    if (row.status !== 'submitted') {
      throw new ConflictError(
        { en: `This list was already ${row.status}`, ja: 'この名簿は既に処理済みです' },
        { state: row.status, event: decision },
      );
    }
    await tx
      .updateTable('handler_list_submissions')
      .set({
        status: decision === 'acknowledge' ? 'acknowledged' : 'returned',
        decided_by: ctx.actor.userId,
        decided_at: ctx.now(),
        comment,
        version: row.version + 1,
      })
      .where('ward_id', '=', row.ward_id)
      .where('id', '=', submissionId)
      .execute();
    const after = await loadSubmission(tx, row.ward_id, submissionId);
    await audit({
      wardId: row.ward_id,
      action: `handler_list.${decision}`,
      subjectType: 'HandlerList',
      subjectId: submissionId,
      before: { status: row.status },
      after: { status: after.status, comment },
    });
    return after;
  });
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
