import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  getMeeting,
  listMeetings,
  type RegularMeeting,
  recordMeeting,
} from '../../domain/operational-reports/meetings.js';
import type { ImprovementRecommendation } from '../../domain/operational-reports/recommendation.repository.js';
import {
  actOnRecommendation,
  getRecommendation,
  listRecommendations,
  type RecommendationCommand,
  recommendationActions,
  recommendImprovement,
} from '../../domain/operational-reports/recommendations.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  AllowedActions,
  bearerSecurity,
  CommentStepBody,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  PageQuery,
  pageOf,
  requiredText,
  text,
  Uuid,
  VersionField,
} from '../schemas/common.js';
import { DateText } from '../schemas/contracts.js';
import { validationHook } from '../validation-hook.js';

const recommendationTags = { tags: ['improvement recommendations'], security: bearerSecurity };
const meetingTags = { tags: ['regular meetings'], security: bearerSecurity };

const RecommendationSchema = z
  .object({
    allowedActions: AllowedActions,
    id: z.string(),
    wardId: z.string(),
    contractId: z.string(),
    organisationId: z.string(),
    status: z.string().openapi({
      description: 'recommended 回答待ち, sent_back 再回答待ち, answered 回答済み（確認待ち）, closed 完了',
    }),
    title: z.string(),
    contents: z.string(),
    dueOn: z.string(),
    overdue: z.boolean(),
    measures: z.string().nullable(),
    result: z.string().nullable(),
    answeredAt: z.string().nullable(),
    sendBackComment: z.string().nullable(),
    closingComment: z.string().nullable(),
    closedAt: z.string().nullable(),
    recommendedAt: z.string(),
    version: z.number(),
  })
  .openapi('ImprovementRecommendation');

const MeetingSchema = z
  .object({
    id: z.string(),
    wardId: z.string(),
    contractId: z.string(),
    organisationId: z.string(),
    heldOn: z.string(),
    attendees: z.array(z.string()),
    minutes: z.string(),
    recordedByOrgId: z.string(),
    recordedAt: z.string(),
  })
  .openapi('RegularMeeting');

function present(viewer: Viewer, r: ImprovementRecommendation & { overdue: boolean }) {
  const { machine: _m, ...rest } = r;
  return {
    ...rest,
    allowedActions: recommendationActions(viewer, r),
    answeredAt: r.answeredAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    recommendedAt: r.recommendedAt.toISOString(),
  };
}

const presentMeeting = (m: RegularMeeting) => {
  const { recordedBy: _u, ...rest } = m;
  return { ...rest, recordedAt: m.recordedAt.toISOString() };
};

const COMMANDS: Array<[RecommendationCommand, string, string]> = [
  [
    'answer',
    'Answer in writing / 改善報告（回答）',
    'By the contractor’s manager (統括責任者), while the recommendation awaits its answer: the measures taken (measures) and their result (result), both required (422). The city’s staff get a 403, others a 404.',
  ],
  [
    'send-back',
    'Ask for a new answer / 再回答の依頼（差戻し）',
    'By the city’s signers, on an answered recommendation, with a comment saying what the answer lacks (422 without).',
  ],
  [
    'close',
    'Close it / 完了',
    'By the city’s signers, on an answered recommendation: the improvement is confirmed.',
  ],
];

const AnswerBody = z
  .object({
    measures: text(10000).nullish().openapi({ description: '講じた改善措置 (required)' }),
    result: text(10000).nullish().openapi({ description: 'その結果 (required)' }),
    version: VersionField,
  })
  .openapi('RecommendationAnswerBody');

/** 改善勧告 (seed 004 6): the city recommends, the contractor answers, the city closes it. */
export function improvementRecommendationRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...recommendationTags,
      method: 'get',
      path: '/',
      summary: 'Improvement recommendations you may see / 改善勧告の一覧',
      description:
        'The city sees its own; the contractor those made to it; nobody else any. Newest first. Permissions apply in SQL.',
      request: {
        query: PageQuery.extend({
          contractId: Uuid.optional(),
          status: z.enum(['recommended', 'sent_back', 'answered', 'closed']).optional(),
        }),
      },
      responses: {
        200: jsonResponse(pageOf(RecommendationSchema), 'A page of recommendations'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const page = await listRecommendations(ctx, c.req.valid('query'));
      return c.json({ items: page.items.map((r) => present(ctx, r)), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...recommendationTags,
      method: 'post',
      path: '/',
      summary: 'Recommend improvement / 改善勧告',
      description:
        'By the city’s signers, to the contractor of a contract being performed (409 otherwise): what to improve (原因の分析、課題の抽出、改善策の策定等) and the date the written answer is due (today or later, 422). Companies get a 403; a contract of another municipality is a 404.',
      request: {
        body: jsonBody(
          z.object({
            contractId: Uuid,
            title: requiredText(200).openapi({ description: '件名' }),
            contents: requiredText(10000).openapi({ description: '勧告の内容' }),
            dueOn: DateText.openapi({ description: '回答期限' }),
          }),
        ),
      },
      responses: { 201: jsonResponse(RecommendationSchema, 'Recommended'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const r = await recommendImprovement(ctx, c.req.valid('json'));
      return c.json(present(ctx, { ...r, overdue: false }), 201);
    },
  );

  app.openapi(
    createRoute({
      ...recommendationTags,
      method: 'get',
      path: '/{id}',
      summary: 'One improvement recommendation / 改善勧告',
      description:
        'One improvement recommendation (改善勧告) with its contents, due day, the contractor’s written answer (measures and result) and the city’s decision, with `allowedActions`. Readable by the city’s staff and the contract’s contractor; 404 for anyone else.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(RecommendationSchema, 'The recommendation'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      return c.json(present(ctx, await getRecommendation(ctx, c.req.valid('param').id)), 200);
    },
  );

  for (const [command, summary, description] of COMMANDS) {
    app.openapi(
      createRoute({
        ...recommendationTags,
        method: 'post',
        path: `/{id}/${command}`,
        summary,
        description,
        request: {
          params: IdParam,
          // the answer reads the measures and their result; the city's steps read a comment only
          body: jsonBody(command === 'answer' ? AnswerBody : CommentStepBody),
        },
        responses: {
          200: jsonResponse(RecommendationSchema, 'The recommendation after the step'),
          ...errorResponses,
        },
      }),
      async (c) => {
        const ctx = useCaseContext(c);
        const { version, ...input } = c.req.valid('json');
        const r = await actOnRecommendation(
          ctx,
          c.req.valid('param').id,
          command,
          input,
          expectedVersion(c, version),
        );
        return c.json(present(ctx, { ...r, overdue: false }), 200);
      },
    );
  }
  return app;
}

/** 定例会議: the monthly meeting, recorded by either side and read by both. */
export function regularMeetingRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...meetingTags,
      method: 'get',
      path: '/',
      summary: 'Regular meetings you may see / 定例会議の一覧',
      description:
        'The city and the contract’s contractor read them; nobody else. Latest first. Permissions apply in SQL.',
      request: { query: PageQuery.extend({ contractId: Uuid.optional() }) },
      responses: { 200: jsonResponse(pageOf(MeetingSchema), 'A page of meetings'), ...errorResponses },
    }),
    async (c) => {
      const page = await listMeetings(useCaseContext(c), c.req.valid('query'));
      return c.json({ items: page.items.map(presentMeeting), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...meetingTags,
      method: 'post',
      path: '/',
      summary: 'Record a regular meeting / 定例会議の記録',
      description:
        'By the city’s signers or the contract’s contractor (manager or staff): the date held (not in the future, not before the contract starts: 422), the attendees (at least one) and the minutes. Audited (regular_meeting.record). A contract the company does not hold is a 404.',
      request: {
        body: jsonBody(
          z.object({
            contractId: Uuid,
            heldOn: DateText.openapi({ description: '開催日' }),
            attendees: z.array(text(200)).min(1).max(50).openapi({ description: '出席者' }),
            minutes: requiredText(20000).openapi({ description: '議事録' }),
          }),
        ),
      },
      responses: { 201: jsonResponse(MeetingSchema, 'Recorded'), ...errorResponses },
    }),
    async (c) => c.json(presentMeeting(await recordMeeting(useCaseContext(c), c.req.valid('json'))), 201),
  );

  app.openapi(
    createRoute({
      ...meetingTags,
      method: 'get',
      path: '/{id}',
      summary: 'One regular meeting / 定例会議',
      description:
        'One regular meeting (定例会議) of a contract: its date, attendees and minutes, as recorded by the city or the contractor. Readable by the city’s staff and the contract’s contractor; 404 for anyone else.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(MeetingSchema, 'The meeting'), ...errorResponses },
    }),
    async (c) => c.json(presentMeeting(await getMeeting(useCaseContext(c), c.req.valid('param').id)), 200),
  );
  return app;
}
