import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  getCompanyStanding,
  listCompanyStandings,
  STANDING_SORT_KEYS,
} from '../../domain/standing/company-standing.js';
import type { AppEnv } from '../app-env.js';
import { requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { readContext } from '../middleware/read-replica.js';
import { bearerSecurity, errorResponses, IdParam, jsonResponse } from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['companies'], security: bearerSecurity };
const Text = z.object({ ja: z.string(), en: z.string() });

const StandingSchema = z
  .object({
    companyId: z.string(),
    wardId: z.string(),
    name: z.string(),
    corporateNumber: z.string().nullable(),
    tier: z.enum(['A', 'B', 'C']).openapi({ description: 'リスク区分: A routine, B closer checks, C first' }),
    tierMeaning: Text,
    score: z.number().int(),
    rulesVersion: z.string().openapi({ description: 'The rule set (forms/company-standing) that gave it' }),
    asOf: z.string().openapi({ description: 'The day in Japan the records were read for (YYYY-MM-DD)' }),
    facts: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.null()])),
    factors: z.array(
      z.object({
        fact: z.string(),
        label: Text,
        value: z.union([z.number(), z.boolean(), z.string(), z.null()]),
        points: z.number().int(),
        why: Text,
      }),
    ),
  })
  .openapi('CompanyStanding');

export function companyStandingRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);
  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/standing',
      summary: "Companies' standing with the municipality / 事業者のリスク区分の一覧",
      description:
        "Every company the signed-in municipality knows, with its standing (リスク区分 A/B/C) computed from the municipality's own records of it — open and overdue findings, incidents in the last year, late or contradicting compliance reports (別紙5), the latest monitoring report's C ratings and financial grade, the depth and size of its sub-contracting, whether its contracts hold 要配慮個人情報 or 特定個人情報, and required certifications missing or expired — by the versioned rule set in `forms/company-standing`, each factor with its points and reason. Nothing is typed in; the tier changes when the records do. Sorted in the database by `sort` (tier, name, findings, incidents) and `dir`; `q` narrows to names or 法人番号 containing it. Readable by the municipality's signers and inspectors (filtered in SQL: anyone else gets an empty list); council reviewers read the counts per tier in the council summary; companies never see the tier a municipality gives them.",
      request: {
        query: z.object({
          sort: z.enum(STANDING_SORT_KEYS).optional(),
          dir: z.enum(['asc', 'desc']).optional(),
          q: z.string().max(100).optional(),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(StandingSchema), rulesVersion: z.string() }),
          'Standings, worst first by default',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { sort, dir, q } = c.req.valid('query');
      const result = await listCompanyStandings(await readContext(c), {
        sort: sort ? { key: sort, dir: dir ?? 'asc' } : undefined,
        q: q?.trim() || undefined,
      });
      return c.json(result, 200);
    },
  );
  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/standing',
      summary: "A company's standing and why / 事業者のリスク区分とその理由",
      description:
        "One company's standing with the signed-in municipality: the tier, the score and every factor of the rule set with the fact read from the records, the points it added and the reason it counts. 404 for a company the municipality does not know (answered exactly like one that does not exist) and for users who may not read standings.",
      request: { params: IdParam },
      responses: { 200: jsonResponse(StandingSchema, 'The standing'), ...errorResponses },
    }),
    async (c) => c.json(await getCompanyStanding(useCaseContext(c), c.req.valid('param').id), 200),
  );
  return app;
}
