import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  decideHandlerList,
  type HandlerListSubmission,
  readHandlerLists,
  readSubmission,
  submitHandlerList,
} from '../../domain/handlers/handler-lists.js';
import { ValidationError } from '../../domain/shared/errors.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, useCaseContext } from '../middleware/authenticate.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  text,
  Uuid,
  VersionField,
} from '../schemas/common.js';
import { HandlerListInput, SubmissionSchema } from '../schemas/handlers.js';
import { validationHook } from '../validation-hook.js';

// Mounted inside the contracts router, which already requires sign-in.

const common = { tags: ['handler lists'], security: bearerSecurity };
const SubmissionParams = z.object({
  id: Uuid.openapi({ param: { name: 'id', in: 'path' } }),
  submissionId: Uuid.openapi({ param: { name: 'submissionId', in: 'path' } }),
});

function present(s: HandlerListSubmission) {
  return { ...s, submittedAt: s.submittedAt.toISOString(), decidedAt: s.decidedAt?.toISOString() ?? null };
}

export function handlerListRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/handler-lists',
      summary: 'The handler lists in force (now or as of a date) and their history / 取扱者名簿',
      description:
        "A contract's handler lists (取扱責任者及び取扱者の名簿): for each organisation of the chain, the list in force at `asOf` (a date in Japan time, or an instant; now when left out) — the latest list the ward had acknowledged by then, with the entries effective that day — and every submission with its status (確認待ち, 確認済み, 差戻し). Ward staff see all of their ward's; a company its own and those below it in its chain. 404 for a contract you may not see.",
      request: { params: IdParam, query: z.object({ asOf: text(40).optional() }) },
      responses: {
        200: jsonResponse(
          z.object({
            asOf: z.string(),
            current: z.array(SubmissionSchema),
            history: z.array(
              z.object({
                id: z.string(),
                organisationId: z.string(),
                status: z.string(),
                submittedAt: z.string(),
                decidedAt: z.string().nullable(),
              }),
            ),
          }),
          'Lists per organisation',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const raw = c.req.valid('query').asOf;
      const asOf = raw
        ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T23:59:59.999+09:00` : raw)
        : undefined;
      if (asOf && Number.isNaN(asOf.getTime())) {
        throw new ValidationError({ en: 'asOf is not a date', ja: 'asOf の日付が正しくありません' });
      }
      const lists = await readHandlerLists(useCaseContext(c), c.req.valid('param').id, asOf);
      return c.json(
        {
          asOf: lists.asOf.toISOString(),
          current: lists.current.map(present),
          history: lists.history.map((h) => ({
            ...h,
            submittedAt: h.submittedAt.toISOString(),
            decidedAt: h.decidedAt?.toISOString() ?? null,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/handler-lists',
      summary: "Submit your organisation's list for this contract / 名簿の提出",
      description:
        'By the contractor’s manager, at the start of the contract and on every change (a new submission the municipality acknowledges). Every person needs a pledge signed on or before their start. A list naming seed 004’s roles (業務従事者名簿) must name exactly one 統括責任者 (general_manager; a second is refused), a task for every 業務責任者 (task_lead) and 副業務責任者, a 業務責任者 for every task named, and pledges with their copy, binding after the contract and after leaving, with their wording version; someone reported for the first time (the start, or a later hire) starts today at the earliest, since the copy reaches the municipality before they start. A My Number contract (an item flagged 個人番号) names the staff allowed to handle 特定個人情報 (handlesMyNumber); that flag is refused on other contracts. Refusals are 422 with each entry’s error.',
      request: { params: IdParam, body: jsonBody(HandlerListInput) },
      responses: {
        201: jsonResponse(SubmissionSchema, 'Submitted; the ward acknowledges it'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const submission = await submitHandlerList(
        useCaseContext(c),
        c.req.valid('param').id,
        c.req.valid('json').entries,
      );
      return c.json(present(submission), 201);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/handler-lists/{submissionId}',
      summary: 'One submitted list / 提出された名簿',
      description:
        'One submission of a handler list (提出された名簿) with its entries, its status and the ward’s decision and comment. Readable by the ward’s staff, the submitting organisation and the companies above it in the chain; 404 for anyone else or a submission of another contract.',
      request: { params: SubmissionParams },
      responses: { 200: jsonResponse(SubmissionSchema, 'The submission'), ...errorResponses },
    }),
    async (c) => {
      const { id, submissionId } = c.req.valid('param');
      return c.json(present(await readSubmission(useCaseContext(c), id, submissionId)), 200);
    },
  );

  for (const decision of ['acknowledge', 'return'] as const) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/handler-lists/{submissionId}/${decision}`,
        summary:
          decision === 'acknowledge'
            ? 'Acknowledge a list / 名簿の確認'
            : 'Return a list for correction / 名簿の差戻し',
        description:
          decision === 'acknowledge'
            ? "The ward's privacy officer acknowledges a submitted handler list (名簿の確認): from that instant it is the list in force for its organisation and contract — the list handovers, storage and erasures check a person against, and the one the contract's start requires. Refused 409 when the list was already acknowledged or returned (or a stale version); 403 for anyone but the privacy officer; 404 for a list you may not see. Audited."
            : "The ward's privacy officer returns a submitted handler list for correction (名簿の差戻し), with a comment saying what is wrong; the organisation submits a new list. The list in force stays as it was. Refused 409 when the list was already acknowledged or returned (or a stale version); 403 for anyone but the privacy officer; 404 for a list you may not see. Audited.",
        request: {
          params: SubmissionParams,
          body: jsonBody(z.object({ comment: text(2000).nullish(), version: VersionField })),
        },
        responses: { 200: jsonResponse(SubmissionSchema, 'Decided'), ...errorResponses },
      }),
      async (c) => {
        const { id, submissionId } = c.req.valid('param');
        const { comment, version } = c.req.valid('json');
        const decided = await decideHandlerList(
          useCaseContext(c),
          id,
          submissionId,
          decision,
          comment ?? null,
          expectedVersion(c, version),
        );
        return c.json(present(decided), 200);
      },
    );
  }

  return app;
}
