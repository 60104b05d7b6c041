import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { AWAITING_ANSWER } from '../../../workflows/improvement-recommendation/improvement-recommendation.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import { findContract } from '../contracts/contract.repository.js';
import { checkContractAllows } from '../contracts/contract.workflow.js';
import { ofContractWithWords } from '../contracts/contract-words.js';
import { allowedActions, type Viewer } from '../shared/allowed-actions.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { type FieldError, notFound, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { runStep } from '../shared/run-step.js';
import { type ListSort, likePattern, sortedPage } from '../shared/sorted-list.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import {
  findRecommendation,
  type ImprovementRecommendation,
  recommendationFields,
  toRecommendation,
} from './recommendation.repository.js';
import {
  type RecommendationCommand,
  type RecommendationInput,
  recommendationCommands,
  recommendationWorkflow,
} from './recommendation.workflow.js';

export type { RecommendationCommand, RecommendationInput };

/** Past its due date while the contractor's answer is awaited. */
export const recommendationOverdue = (
  r: Pick<ImprovementRecommendation, 'status' | 'dueOn'>,
  today: string,
) => AWAITING_ANSWER.includes(r.status) && r.dueOn < today;

export interface RecommendInput {
  contractId: string;
  title: string;
  contents: string;
  dueOn: string;
}

/**
 * 改善勧告: the city's signer recommends improvement measures to the contract's contractor, with
 * the date its written answer is due (today at the earliest), while the contract is performed.
 */
export async function recommendImprovement(
  ctx: UseCaseContext,
  input: RecommendInput,
): Promise<ImprovementRecommendation> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const contract = await findContract(tx, input.contractId, true);
    if (!contract) throw notFound('Contract', '契約');
    authorize(ctx.ability, 'read', 'Contract', contract);
    authorize(ctx.ability, 'create', 'ImprovementRecommendation', {
      wardId: contract.wardId,
      organisationId: contract.contractorOrgId,
    });
    checkContractAllows(
      contract,
      { type: 'APPLY_PRIOR_APPROVAL' },
      {
        en: 'Improvement is recommended while the contract is performed',
        ja: '改善勧告は履行中の契約についてのみ行えます',
      },
    );
    const now = ctx.now();
    const today = toJapanDate(now);
    const errors: FieldError[] = [];
    if (!input.title.trim())
      errors.push({ path: 'title', message: 'required', message_ja: '件名を入力してください' });
    if (!input.contents.trim())
      errors.push({ path: 'contents', message: 'required', message_ja: '勧告の内容を入力してください' });
    if (input.dueOn < today)
      errors.push({
        path: 'dueOn',
        message: `must be ${today} or later`,
        message_ja: `回答期限は${today}以降の日付にしてください`,
      });
    if (errors.length)
      throw new ValidationError(
        { en: 'The recommendation is incomplete', ja: '勧告の内容に不足があります' },
        errors,
      );
    const made = decide(recommendationWorkflow.machine, 'recommending', { type: 'RECOMMEND' } as never);
    if (!made.allowed) throw new Error('the recommendation machine refused RECOMMEND');
    const row = await tx
      .insertInto('improvement_recommendations')
      .values({
        ward_id: contract.wardId,
        contract_id: contract.id,
        organisation_id: contract.contractorOrgId,
        status: made.next,
        ...machineColumns(recommendationWorkflow),
        title: input.title.trim(),
        contents: input.contents.trim(),
        due_on: input.dueOn,
        recommended_by: ctx.actor.userId,
        recommended_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const record = (await findRecommendation(tx, row.id))!;
    await audit({
      wardId: contract.wardId,
      action: 'improvement_recommendation.recommend',
      subjectType: 'ImprovementRecommendation',
      subjectId: row.id,
      after: { status: record.status, dueOn: record.dueOn, version: record.version },
    });
    return record;
  });
}

/** The contractor answers; the city closes it or sends it back — on the shared path. */
export function actOnRecommendation(
  ctx: UseCaseContext,
  id: string,
  command: RecommendationCommand,
  input: RecommendationInput,
  expectedVersion: number,
): Promise<ImprovementRecommendation> {
  return runStep(ctx, recommendationWorkflow, recommendationCommands[command], id, input, expectedVersion);
}

export function recommendationActions(viewer: Viewer, r: ImprovementRecommendation): RecommendationCommand[] {
  return allowedActions(
    viewer,
    recommendationWorkflow,
    Object.values(recommendationCommands),
    r,
  ) as RecommendationCommand[];
}

export async function getRecommendation(ctx: UseCaseContext, id: string) {
  const record = await findRecommendation(ctx.db, id);
  if (!record) throw notFound('Improvement recommendation', '改善勧告');
  authorize(ctx.ability, 'read', 'ImprovementRecommendation', record);
  return { ...record, overdue: recommendationOverdue(record, toJapanDate(ctx.now())) };
}

export interface RecommendationQuery {
  contractId?: string;
  status?: string;
  /** Words in the title (件名), or the contract's title or number where the actor may read it. */
  q?: string;
  sort?: ListSort<RecommendationSortKey>;
  cursor?: string;
  limit: number;
}

export const RECOMMENDATION_SORT_KEYS = ['title', 'recommendedAt', 'dueOn', 'status'] as const;
export type RecommendationSortKey = (typeof RECOMMENDATION_SORT_KEYS)[number];

const SORT_COLUMNS: Record<RecommendationSortKey, string> = {
  title: 'improvement_recommendations.title',
  recommendedAt: `to_char(improvement_recommendations.recommended_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
  dueOn: "to_char(improvement_recommendations.due_on, 'YYYY-MM-DD')",
  // the order of a recommendation's life
  status:
    "case improvement_recommendations.status when 'recommended' then '1' when 'sent_back' then '2' when 'answered' then '3' else '4' end",
};

/** The recommendations this person may read, newest first or by a column; the rules run in SQL. */
export async function listRecommendations(
  ctx: UseCaseContext,
  query: RecommendationQuery,
): Promise<Page<ImprovementRecommendation & { overdue: boolean }>> {
  const today = toJapanDate(ctx.now());
  let q = ctx.db
    .selectFrom('improvement_recommendations')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'ImprovementRecommendation', recommendationFields));
  if (query.contractId) q = q.where('contract_id', '=', query.contractId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.q) {
    const pattern = likePattern(query.q);
    const contract = ofContractWithWords(ctx, query.q, 'improvement_recommendations');
    q = q.where((eb) => eb.or([eb('improvement_recommendations.title', 'ilike', pattern), contract(eb)]));
  }
  const withOverdue = (r: Parameters<typeof toRecommendation>[0]) => {
    const record = toRecommendation(r);
    return { ...record, overdue: recommendationOverdue(record, today) };
  };
  if (query.sort)
    return sortedPage(
      q,
      SORT_COLUMNS,
      'improvement_recommendations.id',
      query.sort,
      query.cursor,
      query.limit,
      withOverdue,
    );
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) =>
      after(
        eb,
        ['improvement_recommendations.recommended_at', 'improvement_recommendations.id'],
        [at, id],
        'desc',
      ),
    );
  }
  const rows = await q
    .orderBy('recommended_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.recommended_at.toISOString(), r.id], withOverdue);
}
