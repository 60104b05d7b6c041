import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getTemplate, listTemplates } from '../../domain/inspections/checklist-templates.js';
import { createTemplateVersion } from '../../domain/inspections/create-template-version.js';
import type { AppEnv } from '../app-env.js';
import { useCaseContext } from '../middleware/authenticate.js';
import { bearerSecurity, errorResponses, jsonBody, jsonResponse } from '../schemas/common.js';
import { ChecklistTemplateSchema, TemplateParam, TemplateVersionBody } from '../schemas/inspections.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['inspections'], security: bearerSecurity };

const Summary = z.object({
  key: z.string(),
  title: z.string(),
  titleEn: z.string(),
  purpose: z.string(),
  source: z.string(),
  versions: z.array(z.number().int()),
});

const present = (t: unknown) => t as z.infer<typeof ChecklistTemplateSchema>;

/** Checklist templates (チェックリスト様式) and a ward's own versions with added items. Mounted
 * under /api/v1/inspections/templates, behind its authentication. */
export function inspectionTemplateRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Checklist templates and their versions / チェックリスト様式の一覧',
      description:
        "The checklist templates (チェックリスト様式) the ward inspects with — the standard ones from the seed checklists — with the versions available to the ward: the standard version and the ward's own versions with items added. Readable by the ward's inspection staff and signers; companies and council reviewers get 403.",
      responses: { 200: jsonResponse(z.object({ items: z.array(Summary) }), 'Templates'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listTemplates(useCaseContext(c)) }, 200),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{key}',
      summary: "A template, the ward's newest version unless one is named / チェックリスト様式",
      description:
        "One checklist template (チェックリスト様式) with its sections and items: the ward's newest version unless `version` names an older one (an inspection keeps the version it was planned with). A template or version that does not exist, or another ward's version, is 404; companies and council reviewers get 403.",
      request: {
        params: TemplateParam,
        query: z.object({ version: z.coerce.number().int().min(1).max(10_000).optional() }),
      },
      responses: { 200: jsonResponse(ChecklistTemplateSchema, 'The template'), ...errorResponses },
    }),
    async (c) => {
      const template = await getTemplate(
        useCaseContext(c),
        c.req.valid('param').key,
        c.req.valid('query').version,
      );
      return c.json(present(template), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{key}/versions',
      summary:
        "A ward's new version: items may be added; standard items may not be removed or altered / 項目の追加",
      description:
        'Send the whole template as read (GET), with items added (keys "x-…"). A standard item removed, altered or moved is refused (422, naming it).',
      request: { params: TemplateParam, body: jsonBody(TemplateVersionBody) },
      responses: { 201: jsonResponse(ChecklistTemplateSchema, 'The new version'), ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const template = await createTemplateVersion(useCaseContext(c), c.req.valid('param').key, {
        ...body,
        sections: body.sections.map((s) => ({
          ...s,
          headingEn: s.headingEn ?? '',
          groups: s.groups.map((g) => ({
            ...g,
            items: g.items.map((i) => ({ ...i, textEn: i.textEn ?? '' })),
          })),
        })),
      });
      return c.json(present(template), 201);
    },
  );

  return app;
}
