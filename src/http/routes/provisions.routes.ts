import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  findProvisionTemplate,
  latestProvisionTemplates,
  PROVISION_TEMPLATE_IDS,
} from '../../../forms/special-provisions/catalogue.js';
import {
  PROVISION_DUTIES,
  type ProvisionTemplate,
} from '../../../forms/special-provisions/special-provisions.js';
import { getContract } from '../../domain/contracts/manage-contracts.js';
import {
  acceptProvisions,
  chooseProvisions,
  getContractProvisions,
} from '../../domain/provisions/manage-provisions.js';
import { provisionActions } from '../../domain/provisions/provision-actions.js';
import type { ContractProvisions } from '../../domain/provisions/provisions.repository.js';
import { notFound } from '../../domain/shared/errors.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  AllowedActions,
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  requiredText,
  VersionField,
} from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['special provisions'], security: bearerSecurity };

const TemplateSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    source: z.string(),
    party: z
      .enum(['contractor', 'subcontractor'])
      .openapi({ description: '乙 (contractor) or 丙 (sub-contractor)' }),
    flowDownId: z.string().openapi({ description: 'the provisions a sub-contract under these carries' }),
    forbidsSubcontracting: z.boolean(),
    copyingOnlyAsSpecified: z.boolean().optional().openapi({
      description: 'copying only where the specification provides (seed 004 5(2)②): never applied for',
    }),
    duties: z
      .partialRecord(z.enum(PROVISION_DUTIES), z.string())
      .openapi({ description: 'each duty the system enforces → the article imposing it (第○条 / 第○項)' }),
    articles: z.array(
      z.object({ label: z.string(), heading: z.string().nullable(), paragraphs: z.array(z.string()) }),
    ),
  })
  .openapi('ProvisionTemplate');

const ProvisionsSchema = z
  .object({
    contractId: z.string(),
    template: TemplateSchema,
    assignedAt: z.string(),
    acceptedAt: z.string().nullable(),
    acceptedName: z.string().nullable(),
    version: z.number().int(),
    allowedActions: AllowedActions,
  })
  .openapi('ContractProvisions');

const present = (p: ContractProvisions, allowedActions: string[]) => ({
  contractId: p.contractId,
  template: p.template,
  assignedAt: p.assignedAt.toISOString(),
  acceptedAt: p.acceptedAt?.toISOString() ?? null,
  acceptedName: p.acceptedName,
  version: p.version,
  allowedActions,
});

/** /api/v1/provision-templates: the 特記事項 a ward may choose from (forms/special-provisions). */
export function provisionTemplateRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);
  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Special provisions templates, newest versions / 特記事項の様式',
      description:
        "The templates a ward chooses from for its contracts (its setting `provisionsTemplate`), with every article's text and, per duty the system enforces, the article that imposes it.",
      responses: {
        200: jsonResponse(z.object({ items: z.array(TemplateSchema) }), 'The templates'),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: latestProvisionTemplates() as ProvisionTemplate[] }, 200),
  );
  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{templateId}/versions/{version}',
      summary: 'One version of a special provisions template / 特記事項の様式（版）',
      description:
        'One version of a special provisions template (特記事項の様式（版）) with its full text, the party it binds (乙 contractor or 丙 sub-contractor), the provisions a sub-contract under it carries, and the article behind each duty the system enforces (第○条), cited in refusals. Templates are versioned and a contract keeps the version it was made under. An unknown template id is 422, a version that does not exist 404.',
      request: {
        params: z.object({
          templateId: z.enum(PROVISION_TEMPLATE_IDS),
          version: z.coerce.number().int().min(1),
        }),
      },
      responses: { 200: jsonResponse(TemplateSchema, 'The template'), ...errorResponses },
    }),
    async (c) => {
      const { templateId, version } = c.req.valid('param');
      const template = findProvisionTemplate(templateId, version);
      if (!template) throw notFound('Special provisions template', '特記事項の様式');
      return c.json(template, 200);
    },
  );
  return app;
}

/** Mounted inside the contracts router (sign-in required): /api/v1/contracts/{id}/provisions. */
export function contractProvisionRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const respond = async (c: Parameters<typeof useCaseContext>[0], id: string, p: ContractProvisions) => {
    const ctx = useCaseContext(c);
    const contract = await getContract(ctx, id);
    c.header('etag', `"${p.version}"`);
    return present(p, provisionActions(ctx, contract, p));
  };

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/provisions',
      summary: "A contract's special provisions / 契約の特記事項",
      description:
        'The template and version the contract was made under (a sub-contract: its parent’s flow-down provisions, 丙) and whether the bound company has accepted them.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ProvisionsSchema, 'The provisions'), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await respond(c, id, await getContractProvisions(useCaseContext(c), id)), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: '/{id}/provisions',
      summary: 'Choose the special provisions of a draft contract / 特記事項の選択',
      description:
        'The privacy officer (個人情報保護担当) chooses a contractor template (party 乙) for a draft top-level contract; it takes the newest version, which the contract then keeps.',
      request: {
        params: IdParam,
        body: jsonBody(z.object({ templateId: requiredText(100), version: VersionField })),
      },
      responses: { 200: jsonResponse(ProvisionsSchema, 'Chosen'), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { templateId, version } = c.req.valid('json');
      const chosen = await chooseProvisions(useCaseContext(c), id, templateId, expectedVersion(c, version));
      return c.json(await respond(c, id, chosen), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/provisions/acceptance',
      summary: 'Accept the special provisions / 特記事項の受諾',
      description:
        "The bound company's manager (統括責任者) records, under their name, that the company accepts the provisions. A sub-contract starts only after its sub-contractor has accepted them.",
      request: {
        params: IdParam,
        body: jsonBody(z.object({ acceptedName: requiredText(100), version: VersionField })),
      },
      responses: { 200: jsonResponse(ProvisionsSchema, 'Accepted'), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { acceptedName, version } = c.req.valid('json');
      const accepted = await acceptProvisions(
        useCaseContext(c),
        id,
        acceptedName,
        expectedVersion(c, version),
      );
      return c.json(await respond(c, id, accepted), 200);
    },
  );
  return app;
}
