import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { actOnIncident } from '../../domain/incidents/act-on-incident.js';
import type { Incident } from '../../domain/incidents/incident.repository.js';
import { readBreachReport } from '../../domain/incidents/read-breach-report.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, useCaseContext } from '../middleware/authenticate.js';
import { breachReportCsvResponse, breachReportPdf } from '../pdf-documents.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  VersionField,
} from '../schemas/common.js';
import { DateText } from '../schemas/contracts.js';

// 漏えい等報告 (breach reports to the Personal Information Protection Commission) on an incident:
// the questions that decide it, recording each report sent, and the report's content as JSON, PDF
// and CSV. The rules are data in forms/breach-reporting; the judgment is computed, not entered.

const common = { tags: ['incidents'], security: bearerSecurity };
const Count = z.number().int().min(0).max(100_000_000).nullable();

export const BreachAnswersSchema = z
  .strictObject({
    learnedOn: DateText.openapi({
      description: '覚知日: the Japanese calendar day the municipality learned of it',
    }),
    personsAffected: Count.openapi({ description: '本人の数 (null: not yet known)' }),
    myNumberPersonsAffected: Count.openapi({
      description: '特定個人情報に係る本人の数 (required when myNumber)',
    }),
    sensitive: z.boolean().openapi({ description: '要配慮個人情報が含まれる' }),
    ordinanceSensitive: z.boolean().openapi({ description: '条例要配慮個人情報が含まれる' }),
    financialDamage: z.boolean().openapi({ description: '財産的被害が生じるおそれ' }),
    unlawfulPurpose: z.boolean().openapi({ description: '不正の目的をもって行われたおそれ' }),
    myNumber: z.boolean().openapi({ description: '特定個人情報が含まれる' }),
    myNumberSystem: z
      .boolean()
      .openapi({ description: '情報提供ネットワークシステム等で管理される特定個人情報' }),
    publiclyViewable: z.boolean().openapi({ description: '不特定多数の者が閲覧できる状態となった' }),
    encrypted: z.boolean().openapi({ description: '高度な暗号化等の措置が講じられていた' }),
  })
  .openapi('BreachAnswers');

export const IncidentBreachSchema = z
  .object({
    answers: BreachAnswersSchema.nullable(),
    rulesVersion: z.string().nullable(),
    assessedAt: z.string().nullable(),
    required: z.boolean(),
    preliminaryDueOn: z.string().nullable(),
    finalDueOn: z.string().nullable(),
    preliminarySentOn: z.string().nullable(),
    finalSentOn: z.string().nullable(),
    personsNotifiedOn: z.string().nullable(),
  })
  .openapi('IncidentBreach');

/** The breach part of an incident as the API shows it. */
export function presentBreach(incident: Incident) {
  return { ...incident.breach, assessedAt: incident.breach.assessedAt?.toISOString() ?? null };
}

const binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } },
});

/** Adds the breach-report operations to the incident routes. */
export function addBreachRoutes<S extends z.ZodType>(
  app: OpenAPIHono<AppEnv>,
  IncidentSchema: S,
  present: (c: Parameters<typeof useCaseContext>[0], incident: Incident) => z.infer<S>,
) {
  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/assess-breach',
      summary: 'Answer the questions that decide a breach report / 漏えい等報告の判定',
      description:
        'The municipality (区・市の担当者, 係長, 課長) answers the questions of 漏えい等報告: 覚知日, the number of people ' +
        'affected, 要配慮個人情報, 条例要配慮個人情報, 財産的被害のおそれ, 不正の目的, 特定個人情報 and its count, the ' +
        'information-provision network, publication to many, strong encryption. The product judges by the rules in ' +
        'forms/breach-reporting in force on 覚知日 and stores the due days of 速報 and 確報. Answers may change until ' +
        'the full report (確報) is recorded as sent (then 409). 422: 覚知日 in the future or before the incident ' +
        'occurred, a missing My Number count, counts that are not whole numbers. The contractor and others: 403/404.',
      request: {
        params: IdParam,
        body: jsonBody(z.object({ breach: BreachAnswersSchema, version: VersionField })),
      },
      responses: { 200: jsonResponse(IncidentSchema, 'The incident, judged'), ...errorResponses },
    }),
    async (c) => {
      const { version, breach } = c.req.valid('json');
      const incident = await actOnIncident(
        useCaseContext(c),
        c.req.valid('param').id,
        'assess-breach',
        { breach },
        expectedVersion(c, version),
      );
      return c.json(present(c, incident) as never, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/record-breach-report',
      summary: 'Record a breach report as sent / 速報・確報・本人通知の送付の記録',
      description:
        'Records the day the municipality sent the first report (速報, `preliminary`), the full report (確報, `final`) ' +
        'or the notice to the people affected (本人通知, `notice`); each once (409 a second time), only after the ' +
        'questions are answered (409), audited. 422: a day in the future or before 覚知日. Ward signers only.',
      request: {
        params: IdParam,
        body: jsonBody(
          z.object({
            reportKind: z.enum(['preliminary', 'final', 'notice']),
            sentOn: DateText,
            version: VersionField,
          }),
        ),
      },
      responses: { 200: jsonResponse(IncidentSchema, 'The incident after the record'), ...errorResponses },
    }),
    async (c) => {
      const { version, ...input } = c.req.valid('json');
      const incident = await actOnIncident(
        useCaseContext(c),
        c.req.valid('param').id,
        'record-breach-report',
        input,
        expectedVersion(c, version),
      );
      return c.json(present(c, incident) as never, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/breach-report',
      summary: 'The breach report’s content and judgment / 漏えい等報告の内容と判定',
      description:
        'The report in the fields of the Commission’s form (報告者, 覚知日, 報告対象事態, (1) 概要 … (9) その他), the ' +
        'judgment (criteria met with their articles, whether the municipality must report, whether the contractor ' +
        'would as a business and is relieved by having told the municipality — 第26条第1項ただし書), the due days of ' +
        '速報 and 確報 and what was sent. Whoever may read the incident. 409 until the questions are answered.',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.record(z.string(), z.unknown()), 'The report’s content'),
        ...errorResponses,
      },
    }),
    async (c) => c.json((await readBreachReport(useCaseContext(c), c.req.valid('param').id)) as never, 200),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/breach-report/pdf',
      summary: 'The breach report’s content as PDF / 漏えい等報告書（PDF）',
      description:
        'The content to enter in the Commission’s form, with the judgment and the due days in 令和 dates. ' +
        '409 until the questions are answered; 404 for an incident the viewer may not read.',
      request: { params: IdParam },
      responses: { 200: binary('application/pdf', 'PDF'), ...errorResponses },
    }),
    (c) => breachReportPdf(c, c.req.valid('param').id),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/breach-report/csv',
      summary: 'The breach report’s content as CSV / 漏えい等報告書（CSV）',
      description:
        'The same fields, one a row (項目, 内容), then the due days and the days sent; UTF-8 with BOM, CRLF. ' +
        '409 until the questions are answered; 404 for an incident the viewer may not read.',
      request: { params: IdParam },
      responses: { 200: binary('text/csv', 'CSV'), ...errorResponses },
    }),
    (c) => breachReportCsvResponse(c, c.req.valid('param').id),
  );
}
