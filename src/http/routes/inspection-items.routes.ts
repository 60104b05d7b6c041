import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { actOnFinding } from '../../domain/inspections/act-on-finding.js';
import { japanToday } from '../../domain/inspections/inspection-access.js';
import { recheckItem } from '../../domain/inspections/recheck-item.js';
import { recordItem } from '../../domain/inspections/record-item.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, useCaseContext } from '../middleware/authenticate.js';
import { bearerSecurity, errorResponses, jsonBody, jsonResponse } from '../schemas/common.js';
import {
  FindingSchema,
  ItemSavedSchema,
  presentFinding,
  presentItem,
} from '../schemas/inspection-responses.js';
import {
  CarryBody,
  FindingParam,
  ImprovementBody,
  ItemBody,
  ItemKeyParam,
  RecheckBody,
} from '../schemas/inspections.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['inspections'], security: bearerSecurity };

/** Items saved one by one, re-checks, and the follow-up of findings. Mounted under
 * /api/v1/inspections, behind its authentication. */
export function inspectionItemRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: '/{id}/items/{itemKey}',
      summary: 'Save one item: ○ / × / 該当なし (△), date, what was seen, photos / 確認結果の記録',
      description:
        'A × needs what was seen and the agreed improvement deadline, and opens a finding. The version is the item’s.',
      request: { params: ItemKeyParam, body: jsonBody(ItemBody) },
      responses: { 200: jsonResponse(ItemSavedSchema, 'The item and its finding'), ...errorResponses },
    }),
    async (c) => {
      const { id, itemKey } = c.req.valid('param');
      const { version, ...answer } = c.req.valid('json');
      const ctx = useCaseContext(c);
      const saved = await recordItem(ctx, id, itemKey, answer, expectedVersion(c, version));
      const today = japanToday(ctx.now());
      return c.json(
        { item: presentItem(saved.item), finding: saved.finding && presentFinding(saved.finding, today) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/items/{itemKey}/recheck',
      summary: 'Record the re-check of an item found × / 再確認（再確認日・改善結果）',
      description:
        "The inspector or an assistant records the re-check (再確認) of an item answered ×, after the company's improvement report: the re-check date and result are written on the item. Improved closes the finding (改善確認済); not yet improved reopens it with a new agreed deadline. Refused 409 when the item has no finding or its finding awaits the improvement report, or the inspection is not in progress; invalid input 422; 403 for staff not on the inspection.",
      request: { params: ItemKeyParam, body: jsonBody(RecheckBody) },
      responses: { 200: jsonResponse(ItemSavedSchema, 'The item and its finding'), ...errorResponses },
    }),
    async (c) => {
      const { id, itemKey } = c.req.valid('param');
      const { version, ...recheck } = c.req.valid('json');
      const ctx = useCaseContext(c);
      const saved = await recheckItem(ctx, id, itemKey, recheck, expectedVersion(c, version));
      const today = japanToday(ctx.now());
      return c.json({ item: presentItem(saved.item), finding: presentFinding(saved.finding, today) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/findings/{findingId}/improvement-report',
      summary: "The inspected company's improvement report / 改善報告",
      description:
        "The inspected company's manager (統括責任者) reports what it improved for a finding (改善報告), with evidence files (attachments of the company tagged with the ward). The inspector then records a re-check. Refused 409 unless the finding awaits improvement and the inspection is in progress; unknown or unsuitable attachments are 422; 403 for anyone but the inspected company's manager; 404 for a finding of another inspection.",
      request: { params: FindingParam, body: jsonBody(ImprovementBody) },
      responses: { 200: jsonResponse(FindingSchema, 'The finding'), ...errorResponses },
    }),
    async (c) => {
      const { id, findingId } = c.req.valid('param');
      const { version, ...report } = c.req.valid('json');
      const ctx = useCaseContext(c);
      const finding = await actOnFinding(
        ctx,
        id,
        findingId,
        { kind: 'improvement-report', ...report },
        expectedVersion(c, version),
      );
      return c.json(presentFinding(finding, japanToday(ctx.now())), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/findings/{findingId}/carry',
      summary: 'Carry an open finding with a reason, so the record can be signed off / 持越し',
      description:
        'The inspector carries an open finding (持越し) with a reason, so that the record can be submitted for sign-off while the improvement is still awaited; the finding stays visible as carried. Refused 409 unless the finding is open or reported and the inspection is in progress; a blank reason is 422; 403 for anyone but the inspector.',
      request: { params: FindingParam, body: jsonBody(CarryBody) },
      responses: { 200: jsonResponse(FindingSchema, 'The finding'), ...errorResponses },
    }),
    async (c) => {
      const { id, findingId } = c.req.valid('param');
      const { version, reason } = c.req.valid('json');
      const ctx = useCaseContext(c);
      const finding = await actOnFinding(
        ctx,
        id,
        findingId,
        { kind: 'carry', reason },
        expectedVersion(c, version),
      );
      return c.json(presentFinding(finding, japanToday(ctx.now())), 200);
    },
  );

  return app;
}
