import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ControlResult, Crosswalk } from '../../../forms/controls-crosswalk/index.js';
import { contractCoverage, wardCoverage } from '../../domain/controls/coverage.js';
import type { AppEnv } from '../app-env.js';
import { requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { bearerSecurity, errorResponses, IdParam, jsonResponse } from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';

const tags = { tags: ['controls'], security: bearerSecurity };
const Status = z.enum(['met', 'partial', 'none', 'not_applicable']).openapi({
  description: 'met 証跡あり, partial 一部, none 証跡なし, not_applicable 対象外',
});
const Message = z.object({ ja: z.string(), en: z.string() });

const CrosswalkSchema = z
  .object({
    version: z.string(),
    controls: z.array(
      z.object({
        id: z.string(),
        framework: z.string(),
        source: z.object({
          title: z.string(),
          edition: z.string(),
          section: z.string(),
          verify: z
            .boolean()
            .openapi({ description: 'the section number is to be checked against the published text' }),
        }),
        name: Message,
        description: Message.openapi({ description: 'a paraphrase, never a quotation' }),
        evidence: z.array(z.string()),
      }),
    ),
    rules: z.record(z.string(), z.object({ id: z.string(), label: Message, appliesWhen: Message })),
  })
  .openapi('ControlsCrosswalk');

const ResultSchema = z.object({
  controlId: z.string(),
  status: Status,
  rules: z.array(
    z.object({ rule: z.string(), status: Status, applies: z.boolean(), need: z.number(), have: z.number() }),
  ),
});

const ContractCoverageSchema = z
  .object({
    contractId: z.string(),
    title: z.string(),
    contractNumber: z.string().nullable(),
    status: z.string(),
    controls: z.array(ResultSchema),
  })
  .openapi('ContractControlCoverage');

const presentCrosswalk = (c: Crosswalk) => ({
  version: c.version,
  controls: c.controls.map((k) => ({
    ...k,
    source: { ...k.source, verify: k.source.verify ?? false },
    evidence: [...k.evidence],
  })),
  rules: c.rules,
});
const presentResults = (results: ControlResult[]) =>
  results.map((r) => ({ controlId: r.control.id, status: r.status, rules: r.rules }));

/** 統制項目の充足状況: the crosswalk and which controls have evidence in the records. */
export function controlsRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...tags,
      method: 'get',
      path: '/',
      summary: 'Control coverage of the municipality / 統制項目の充足状況（全契約）',
      description:
        'The controls crosswalk (統制項目の対応表: the MIC guideline’s outsourcing section, APPI 第66–68条 with the Commission’s guide, ISO/IEC 27001:2022 A.5.19–5.23, each with its source and our paraphrase) and, for every non-draft contract with its sub-contracts, whether each control has evidence in the records (met, partial, none, not applicable) with the figures of each evidence rule, plus totals per control. The municipality’s staff see their own contracts (rules in SQL); companies and council reviewers get 403 — coverage is the municipality’s own assessment.',
      responses: {
        200: jsonResponse(
          z
            .object({
              crosswalk: CrosswalkSchema,
              contracts: z.array(ContractCoverageSchema),
              totals: z.record(z.string(), z.record(Status, z.number())),
            })
            .openapi('WardControlCoverage'),
          'The coverage',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const coverage = await wardCoverage(useCaseContext(c));
      return c.json(
        {
          crosswalk: presentCrosswalk(coverage.crosswalk),
          contracts: coverage.contracts.map(({ results, ...k }) => ({
            ...k,
            controls: presentResults(results),
          })),
          totals: Object.fromEntries(coverage.totals),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...tags,
      method: 'get',
      path: '/contracts/{id}',
      summary: 'Control coverage of one contract / 契約の統制項目の充足状況',
      description:
        'For one contract and its sub-contracts (再委託), each control of the crosswalk (統制項目) with its status and the evidence rules behind it: how many records are needed and how many are there (an approved 再委託承認 per sub-contract, acknowledged handler lists, pledges, an on-site inspection within the year, 別紙5 received, erasure certificates once ending, incidents reported within 24 hours, 特記事項 attached and accepted, a current review cycle). 404 where the contract may not be read; 403 for its companies and council reviewers.',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(ContractCoverageSchema.extend({ crosswalkVersion: z.string() }), 'The coverage'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { crosswalk, results, ...k } = await contractCoverage(useCaseContext(c), c.req.valid('param').id);
      return c.json({ ...k, crosswalkVersion: crosswalk.version, controls: presentResults(results) }, 200);
    },
  );

  return app;
}
