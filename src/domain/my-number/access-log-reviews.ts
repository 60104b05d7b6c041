import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { WITH_CONTRACTOR } from '../../../workflows/access-log-review/access-log-review.machine.js';
import type { AccessLogReviewInterval } from '../../db/tables/access-log-reviews.js';
import { findContract } from '../contracts/contract.repository.js';
import { ofContractWithWords } from '../contracts/contract-words.js';
import { getContract } from '../contracts/manage-contracts.js';
import { allowedActions, type Viewer } from '../shared/allowed-actions.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { runStep } from '../shared/run-step.js';
import { type ListSort, sortedPage } from '../shared/sorted-list.js';
import { DEFAULT_REVIEW_INTERVAL } from './access-log-periods.js';
import {
  type AccessLogReview,
  accessLogReviewFields,
  findAccessLogReview,
  toAccessLogReview,
} from './access-log-review.repository.js';
import {
  type AccessLogReviewCommand,
  type AccessLogReviewInput,
  accessLogReviewCommands,
  accessLogReviewWorkflow,
} from './access-log-review.workflow.js';
import { profileOf } from './my-number-profile.js';

export type { AccessLogReviewCommand, AccessLogReviewInput };

/** Past its due date while still with the contractor. */
export const isReviewOverdue = (r: Pick<AccessLogReview, 'status' | 'dueOn'>, today: string) =>
  WITH_CONTRACTOR.includes(r.status) && r.dueOn < today;

/** The contractor records; the city confirms or sends back — each on the shared path. */
export function actOnAccessLogReview(
  ctx: UseCaseContext,
  id: string,
  command: AccessLogReviewCommand,
  input: AccessLogReviewInput,
  expectedVersion: number,
): Promise<AccessLogReview> {
  return runStep(ctx, accessLogReviewWorkflow, accessLogReviewCommands[command], id, input, expectedVersion);
}

/** The steps this person may take on the review now. */
export function accessLogReviewActions(viewer: Viewer, r: AccessLogReview): AccessLogReviewCommand[] {
  return allowedActions(
    viewer,
    accessLogReviewWorkflow,
    Object.values(accessLogReviewCommands),
    r,
  ) as AccessLogReviewCommand[];
}

/** One review (404 where the viewer may not read it), with whether it is overdue. */
export async function getAccessLogReview(ctx: UseCaseContext, id: string) {
  const review = await findAccessLogReview(ctx.db, id);
  if (!review) throw notFound('Access-log review', 'アクセスログの確認');
  authorize(ctx.ability, 'read', 'AccessLogReview', review);
  return { ...review, overdue: isReviewOverdue(review, toJapanDate(ctx.now())) };
}

export interface AccessLogReviewQuery {
  contractId?: string;
  status?: string;
  statuses?: readonly string[];
  overdue?: boolean;
  /** Oldest due first (the worklist); newest first otherwise. */
  oldestFirst?: boolean;
  /** Words in the contract's title or number (where the actor may read the contract). */
  q?: string;
  sort?: ListSort<AccessLogReviewSortKey>;
  cursor?: string;
  limit: number;
}

export const ACCESS_LOG_REVIEW_SORT_KEYS = ['period', 'dueOn', 'status'] as const;
export type AccessLogReviewSortKey = (typeof ACCESS_LOG_REVIEW_SORT_KEYS)[number];

const SORT_COLUMNS: Record<AccessLogReviewSortKey, string> = {
  period: "to_char(access_log_reviews.period_from, 'YYYY-MM-DD')",
  dueOn: "to_char(access_log_reviews.due_on, 'YYYY-MM-DD')",
  // the order of a review's life
  status:
    "case access_log_reviews.status when 'issued' then '1' when 'returned' then '2' when 'recorded' then '3' else '4' end",
};

/** The reviews this person may read, by due date or a column; the rules run in SQL. */
export async function listAccessLogReviews(
  ctx: UseCaseContext,
  query: AccessLogReviewQuery,
): Promise<Page<AccessLogReview & { overdue: boolean }>> {
  const today = toJapanDate(ctx.now());
  let q = ctx.db
    .selectFrom('access_log_reviews')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'AccessLogReview', accessLogReviewFields));
  if (query.contractId) q = q.where('contract_id', '=', query.contractId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.statuses) q = q.where('status', 'in', [...query.statuses]);
  if (query.overdue) q = q.where('status', 'in', [...WITH_CONTRACTOR]).where('due_on', '<', today);
  if (query.q) q = q.where(ofContractWithWords(ctx, query.q, 'access_log_reviews'));
  const withOverdue = (r: Parameters<typeof toAccessLogReview>[0]) => {
    const review = toAccessLogReview(r);
    return { ...review, overdue: isReviewOverdue(review, today) };
  };
  if (query.sort)
    return sortedPage(
      q,
      SORT_COLUMNS,
      'access_log_reviews.id',
      query.sort,
      query.cursor,
      query.limit,
      withOverdue,
    );
  const direction = query.oldestFirst ? 'asc' : 'desc';
  if (query.cursor) {
    const [dueOn, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) =>
      after(eb, ['access_log_reviews.due_on', 'access_log_reviews.id'], [dueOn, id], direction),
    );
  }
  const rows = await q
    .orderBy('due_on', direction)
    .orderBy('id', direction)
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.due_on, r.id], withOverdue);
}

export interface ReviewIntervalSetting {
  contractId: string;
  interval: AccessLogReviewInterval;
  /** Whether the contract chose it (false: the default for a My Number contract). */
  chosen: boolean;
  /** 0 until the contract records one. */
  version: number;
}

/** A My Number contract's review interval (monthly unless it records another); 404 where the contract may not be read. */
export async function readReviewInterval(
  ctx: UseCaseContext,
  contractId: string,
): Promise<ReviewIntervalSetting> {
  const contract = await getContract(ctx, contractId);
  const row = await ctx.db
    .selectFrom('contract_access_log_review_settings')
    .select(['review_interval', 'version'])
    .where('ward_id', '=', contract.wardId)
    .where('contract_id', '=', contract.id)
    .executeTakeFirst();
  return {
    contractId: contract.id,
    interval: row?.review_interval ?? DEFAULT_REVIEW_INTERVAL,
    chosen: Boolean(row),
    version: row?.version ?? 0,
  };
}

/**
 * The municipality records how often a My Number contract's access logs are reviewed: only on a
 * My Number contract (422 otherwise), by whoever may edit the contract (the ward officer; others
 * 403, other municipalities 404); version 0 for the first setting, then the version read (409 if stale).
 */
export async function setReviewInterval(
  ctx: UseCaseContext,
  contractId: string,
  interval: AccessLogReviewInterval,
  expectedVersion: number,
): Promise<ReviewIntervalSetting> {
  const read = await getContract(ctx, contractId);
  authorize(ctx.ability, 'update', 'Contract', read);
  return inTransaction(ctx, async ({ tx, audit }) => {
    const contract = (await findContract(tx, contractId, true))!;
    if (!(await profileOf(tx, contract.wardId, contract.id)).myNumberContract)
      throw new ValidationError(
        {
          en: 'This contract holds no 特定個人情報: no item of its register is flagged 個人番号',
          ja: 'この契約の情報項目に個人番号（特定個人情報）はありません',
        },
        [
          {
            path: 'interval',
            message: 'not a My Number contract',
            message_ja: '個人番号を含む契約ではありません',
          },
        ],
      );
    const before = await tx
      .selectFrom('contract_access_log_review_settings')
      .select(['review_interval', 'version'])
      .where('ward_id', '=', contract.wardId)
      .where('contract_id', '=', contract.id)
      .executeTakeFirst();
    const current = before?.version ?? 0;
    if (current !== expectedVersion)
      throw new ConflictError(
        {
          en: `Someone changed the interval meanwhile (version ${current}, you read ${expectedVersion})`,
          ja: `確認の頻度は他の人が変更しました（版 ${current}、読み込んだ版 ${expectedVersion}）`,
        },
        { state: String(current) },
      );
    const now = ctx.now();
    if (!before)
      await tx
        .insertInto('contract_access_log_review_settings')
        .values({
          ward_id: contract.wardId,
          contract_id: contract.id,
          review_interval: interval,
          updated_by: ctx.actor.userId,
          updated_at: now,
        })
        .execute();
    else
      await tx
        .updateTable('contract_access_log_review_settings')
        .set((eb) => ({
          review_interval: interval,
          updated_by: ctx.actor.userId,
          updated_at: now,
          version: eb('version', '+', 1),
        }))
        .where('ward_id', '=', contract.wardId)
        .where('contract_id', '=', contract.id)
        .execute();
    await audit({
      wardId: contract.wardId,
      action: 'contract.access_log_review_interval',
      subjectType: 'Contract',
      subjectId: contract.id,
      before: { interval: before?.review_interval ?? DEFAULT_REVIEW_INTERVAL },
      after: { interval },
    });
    return { contractId: contract.id, interval, chosen: true, version: current + 1 };
  });
}
