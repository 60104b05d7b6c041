import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ContractReview } from '../../domain/contract-reviews/contract-review.repository.js';
import {
  completeContractReview,
  contractReviewActions,
  getContractReview,
  listContractReviews,
} from '../../domain/contract-reviews/contract-reviews.js';
import type { ReviewChanges } from '../../domain/contract-reviews/review-changes.js';
import { readReviewCycle, setReviewCycle } from '../../domain/contract-reviews/review-cycles.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  AllowedActions,
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  PageQuery,
  pageOf,
  text,
  Uuid,
  VersionField,
} from '../schemas/common.js';
import { DateText } from '../schemas/contracts.js';
import { validationHook } from '../validation-hook.js';

const tags = { tags: ['contract reviews'], security: bearerSecurity };

const ChangesSchema = z
  .object({
    registerChanges: z.number().int(),
    handlersAdded: z.number().int(),
    handlersRemoved: z.number().int(),
    subcontractsApproved: z.number().int(),
    incidents: z.number().int(),
    findingsOpened: z.number().int(),
    findingsOverdue: z.number().int(),
    auditEntries: z.number().int(),
  })
  .openapi('ContractReviewChanges');

const ReviewSchema = z
  .object({
    allowedActions: AllowedActions,
    id: z.string(),
    wardId: z.string(),
    contractId: z.string(),
    status: z.string().openapi({ description: 'due 見直し待ち, completed 見直し済み, cancelled 取消し' }),
    intervalMonths: z.number().int(),
    since: z.string().openapi({
      description: 'changes are counted from this instant (the previous review, or when the cycle was set)',
    }),
    dueOn: z.string(),
    overdue: z.boolean(),
    completedAt: z.string().nullable(),
    completedBy: z.string().nullable(),
    note: z.string().nullable(),
    changesSince: ChangesSchema.nullable().openapi({
      description: 'what changed since the previous review: counted now while due, as kept when completed',
    }),
    issuedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('ContractReview');

const CycleSchema = z
  .object({
    contractId: z.string(),
    months: z.number().int().nullable().openapi({ description: '見直し周期 in months; null: no cycle' }),
    version: z.number().int(),
    openReview: z.object({ id: z.string(), dueOn: z.string(), version: z.number().int() }).nullable(),
  })
  .openapi('ContractReviewCycle');

type Presentable = ContractReview & { overdue: boolean; changesSince?: ReviewChanges | null };

function present(viewer: Viewer, r: Presentable) {
  const { machine: _m, changes, since, ...rest } = r;
  return {
    ...rest,
    allowedActions: contractReviewActions(viewer, r),
    since: since.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
    issuedAt: r.issuedAt.toISOString(),
    changesSince: r.changesSince ?? changes,
  };
}

/** 契約の見直し (review cycles): the cycle per contract and the reviews due under it. */
export function contractReviewRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...tags,
      method: 'get',
      path: '/',
      summary: 'Contract reviews you may see / 契約の見直しの一覧',
      description:
        'The reviews (見直し) of contracts with a review cycle (見直し周期), newest due first, each with `overdue` and `allowedActions`. Only the municipality’s staff (担当者・係長・課長・監督員) see their own municipality’s; companies and council reviewers see none. Permissions apply in SQL; `dueBy` (YYYY-MM-DD) keeps those due on or before that day; a malformed cursor is 422.',
      request: {
        query: PageQuery.extend({
          contractId: Uuid.optional(),
          status: z.enum(['due', 'completed', 'cancelled']).optional(),
          dueBy: DateText.optional(),
        }),
      },
      responses: { 200: jsonResponse(pageOf(ReviewSchema), 'A page of reviews'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const page = await listContractReviews(ctx, c.req.valid('query'));
      return c.json({ items: page.items.map((r) => present(ctx, r)), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...tags,
      method: 'get',
      path: '/{id}',
      summary: 'One contract review / 契約の見直し',
      description:
        'One review (見直し) of a contract: its due day and whether it is overdue, and what changed since the previous review (情報項目の変更, 取扱者の追加・削除, 再委託の承認, 事故, 指摘事項, audited changes) — counted now while it is due, as kept once completed — with who completed it, when and the note. 404 for anyone who may not read it (companies, other municipalities).',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ReviewSchema, 'The review'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const review = await getContractReview(ctx, c.req.valid('param').id);
      c.header('etag', `"${review.version}"`);
      return c.json(present(ctx, review), 200);
    },
  );

  app.openapi(
    createRoute({
      ...tags,
      method: 'post',
      path: '/{id}/complete',
      summary: 'Complete a contract review / 見直しの完了',
      description:
        'By the municipality’s officer, 係長 or 課長, on a review that is due: records who completed it, when and the note (所見; required, 422 without), keeps the changes counted since the previous review, and issues the next review due the cycle’s months later — all in one transaction with its audit entry (contract_review.complete). Refused 409 once completed or cancelled, or on a stale version; 403 for an inspector; 404 for anyone who may not read it.',
      request: {
        params: IdParam,
        body: jsonBody(
          z
            .object({
              note: text(5000).nullish().openapi({ description: '見直しの所見 (required)' }),
              version: VersionField,
            })
            .openapi('ContractReviewCompleteBody'),
        ),
      },
      responses: { 200: jsonResponse(ReviewSchema, 'The review after the step'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { version, note } = c.req.valid('json');
      const id = c.req.valid('param').id;
      await completeContractReview(ctx, id, { note }, expectedVersion(c, version));
      return c.json(present(ctx, await getContractReview(ctx, id)), 200);
    },
  );

  app.openapi(
    createRoute({
      ...tags,
      method: 'get',
      path: '/cycles/{id}',
      summary: 'A contract’s review cycle / 見直し周期',
      description:
        'How often a contract is reviewed again (見直し周期, in months; null: no cycle), its version (0 before the first setting) and the review now due. `id` is the contract’s; 404 where the contract may not be read, 403 for its companies and council reviewers (the cycle is the municipality’s own).',
      request: { params: IdParam },
      responses: { 200: jsonResponse(CycleSchema, 'The cycle'), ...errorResponses },
    }),
    async (c) => c.json(await readReviewCycle(useCaseContext(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...tags,
      method: 'put',
      path: '/cycles/{id}',
      summary: 'Set a contract’s review cycle / 見直し周期の設定',
      description:
        'The municipality’s officer, 係長 or 課長 sets how many months after a review the contract is reviewed again (1–60; null removes the cycle). Setting one issues the first review (due that many months after the last review, or after today); changing it moves the due day of the review still due; removing it cancels that review (a step of the review’s workflow). Refused 422 outside 1–60, 409 on a stale version (0 before the first setting) or a closed contract, 403 for companies and inspectors, 404 for another municipality’s contract. Audited (contract.review_cycle).',
      request: {
        params: IdParam,
        body: jsonBody(
          z
            .object({
              months: z
                .number()
                .int()
                .min(1)
                .max(60)
                .nullable()
                .openapi({ description: '見直し周期 in months; null: none' }),
              version: z
                .number()
                .int()
                .min(0)
                .openapi({ description: 'the version read (0 before the first setting)' }),
            })
            .openapi('ContractReviewCycleBody'),
        ),
      },
      responses: { 200: jsonResponse(CycleSchema, 'The cycle set'), ...errorResponses },
    }),
    async (c) => {
      const { months, version } = c.req.valid('json');
      return c.json(await setReviewCycle(useCaseContext(c), c.req.valid('param').id, months, version), 200);
    },
  );

  return app;
}
