import { storedUserId } from '../../../policies/actor.js';
import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UnitOfWork, type UseCaseContext } from '../shared/context.js';
import { notFound, ValidationError } from '../shared/errors.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { type ListSort, likePattern, sortedPage } from '../shared/sorted-list.js';
import { type Handler, handlerFields, loadHandlers, wardsListing } from './handler.repository.js';

/** The handler's row after the ability check (404 for one the actor may not read). */
export async function loadForCheck(ctx: UseCaseContext, id: string, action: 'read' | 'update', lock = false) {
  let q = ctx.db.selectFrom('handlers').select(['id', 'organisation_id']).where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('Handler', '取扱者');
  authorize(ctx.ability, action, 'Handler', {
    id,
    organisationId: row.organisation_id,
    listedInWardIds: await wardsListing(ctx.db, id),
  });
  return row;
}

export async function getHandler(ctx: UseCaseContext, id: string): Promise<Handler> {
  await loadForCheck(ctx, id, 'read');
  return (await loadHandlers(ctx.db, [id]))[0]!;
}

/** Registers a person of the actor's own organisation (名簿に載せる前の登録). */
export async function createHandler(
  ctx: UseCaseContext,
  input: { fullName: string; fullNameKana?: string | null; jobTitle?: string | null },
): Promise<Handler> {
  const organisationId = ctx.actor.organisationId;
  authorize(ctx.ability, 'create', 'Handler', { organisationId });
  return inTransaction(ctx, async ({ tx, audit }) => {
    const row = await tx
      .insertInto('handlers')
      .values({
        organisation_id: organisationId,
        full_name: input.fullName.trim(),
        full_name_kana: input.fullNameKana ?? null,
        job_title: input.jobTitle ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [created] = await loadHandlers(tx, [row.id]);
    await audit({
      wardId: null,
      action: 'handler.create',
      subjectType: 'Handler',
      subjectId: row.id,
      after: created,
    });
    return created!;
  });
}

export interface PledgeRecord {
  signedOn: string;
  attachmentId?: string | null;
  wordingVersion?: string | null;
  bindsAfterContract?: boolean;
  bindsAfterLeaving?: boolean;
}

/** 誓約書の記録: the date signed and the stored copy, which must belong to the same organisation. */
export async function recordPledge(
  ctx: UseCaseContext,
  handlerId: string,
  input: PledgeRecord,
): Promise<Handler> {
  const handler = await loadForCheck(ctx, handlerId, 'update');
  return inTransaction(ctx, (uow) => recordPledgeIn(uow, ctx, handler, input));
}

/**
 * Records a pledge inside the caller's transaction, for a handler whose update the caller has
 * checked: a contact's upload through a one-time link spends the link in the same transaction.
 */
export async function recordPledgeIn(
  { tx, audit }: UnitOfWork,
  ctx: UseCaseContext,
  handler: { id: string; organisation_id: string },
  input: PledgeRecord,
): Promise<Handler> {
  const handlerId = handler.id;
  if (input.attachmentId) {
    const attachment = await tx
      .selectFrom('attachments')
      .select('organisation_id')
      .where('id', '=', input.attachmentId)
      .executeTakeFirst();
    if (attachment?.organisation_id !== handler.organisation_id) {
      throw new ValidationError({ en: 'Unknown attachment', ja: '添付ファイルが見つかりません' }, [
        {
          path: 'attachmentId',
          message: 'upload the pledge first',
          message_ja: '誓約書の写しを先にアップロードしてください',
        },
      ]);
    }
  }
  const row = await tx
    .insertInto('handler_pledges')
    .values({
      handler_id: handlerId,
      signed_on: input.signedOn,
      attachment_id: input.attachmentId ?? null,
      wording_version: input.wordingVersion?.trim() || null,
      binds_after_contract: input.bindsAfterContract ?? false,
      binds_after_leaving: input.bindsAfterLeaving ?? false,
      recorded_by: storedUserId(ctx.actor),
      recorded_at: ctx.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit({
    wardId: null,
    action: 'handler.pledge',
    subjectType: 'Handler',
    subjectId: handlerId,
    after: { pledgeId: row.id, ...input },
  });
  return (await loadHandlers(tx, [handlerId]))[0]!;
}

/** 研修の記録 */
export async function recordTraining(
  ctx: UseCaseContext,
  handlerId: string,
  input: { heldOn: string; subject: string },
): Promise<Handler> {
  await loadForCheck(ctx, handlerId, 'update');
  return inTransaction(ctx, async ({ tx, audit }) => {
    const row = await tx
      .insertInto('handler_trainings')
      .values({
        handler_id: handlerId,
        held_on: input.heldOn,
        subject: input.subject,
        recorded_by: ctx.actor.userId,
        recorded_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      wardId: null,
      action: 'handler.training',
      subjectType: 'Handler',
      subjectId: handlerId,
      after: { trainingId: row.id, ...input },
    });
    return (await loadHandlers(tx, [handlerId]))[0]!;
  });
}

export const HANDLER_SORT_KEYS = ['fullName', 'fullNameKana', 'jobTitle'] as const;
export type HandlerSortKey = (typeof HANDLER_SORT_KEYS)[number];

const HANDLER_SORT_COLUMNS: Record<HandlerSortKey, string> = {
  fullName: 'handlers.full_name',
  fullNameKana: "coalesce(handlers.full_name_kana, '')",
  jobTitle: "coalesce(handlers.job_title, '')",
};

/** The handlers the actor may read, by name or by a column; `q`: words in the name, its kana or the job title. */
export async function listHandlers(
  ctx: UseCaseContext,
  query: {
    organisationId?: string;
    q?: string;
    sort?: ListSort<HandlerSortKey>;
    cursor?: string;
    limit: number;
  },
): Promise<Page<Handler>> {
  let q = ctx.db
    .selectFrom('handlers')
    .select(['id', 'full_name'])
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Handler', handlerFields));
  if (query.organisationId) q = q.where('organisation_id', '=', query.organisationId);
  if (query.q) {
    const pattern = likePattern(query.q);
    q = q.where((eb) =>
      eb.or([
        eb('handlers.full_name', 'ilike', pattern),
        eb('handlers.full_name_kana', 'ilike', pattern),
        eb('handlers.job_title', 'ilike', pattern),
      ]),
    );
  }
  let page: Page<string>;
  if (query.sort) {
    page = await sortedPage(
      q,
      HANDLER_SORT_COLUMNS,
      'handlers.id',
      query.sort,
      query.cursor,
      query.limit,
      (r) => r.id,
    );
  } else {
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, 2);
      q = q.where((eb) => after(eb, ['handlers.full_name', 'handlers.id'], [name, id]));
    }
    const rows = await q
      .orderBy('full_name')
      .orderBy('id')
      .limit(query.limit + 1)
      .execute();
    page = toPage(
      rows,
      query.limit,
      (r) => [r.full_name, r.id],
      (r) => r.id,
    );
  }
  const handlers = await loadHandlers(ctx.db, page.items);
  return { items: page.items.map((id) => handlers.find((h) => h.id === id)!), nextCursor: page.nextCursor };
}
