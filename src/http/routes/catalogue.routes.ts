import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { addCatalogueItem, listCatalogue } from '../../domain/registers/catalogue.js';
import { SPECIAL_CATEGORIES } from '../../domain/registers/register-document.js';
import type { AppEnv } from '../app-env.js';
import { requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  bearerSecurity,
  errorResponses,
  jsonBody,
  jsonResponse,
  requiredText,
  text,
} from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';

const Item = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    specialCategory: z.enum(SPECIAL_CATEGORIES).nullable(),
    myNumber: z.boolean(),
    source: z.string().nullable(),
    standard: z.boolean(),
  })
  .openapi('CatalogueItem');

const common = { tags: ['registers'], security: bearerSecurity };

export function catalogueRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);
  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Data items to pick from / 情報項目の候補',
      description:
        "The data-item catalogue (情報項目の候補) to build a register from: the standard items from the source documents, shared by every ward, and the signed-in user's ward's own additions, with each item's special category (要配慮) and My Number flag, which a register item can never lower.",
      responses: {
        200: jsonResponse(z.object({ items: z.array(Item) }), 'Standard items and your ward’s own'),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await listCatalogue(useCaseContext(c)) }, 200),
  );
  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: "Add an item to your ward's catalogue / 情報項目の候補の追加",
      description:
        "The ward's privacy officer adds an item of the ward's own to the catalogue (情報項目の候補の追加), with a code, Japanese and English names and its sensitivity; the standard items stay as they are. A code already used by a standard item or one of the ward's is 409; 403 for anyone but the privacy officer. Audited.",
      request: {
        body: jsonBody(
          z.object({
            code: text(50).regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _'),
            name: requiredText(200),
            nameEn: requiredText(200),
            specialCategory: z.enum(SPECIAL_CATEGORIES).nullish(),
            myNumber: z.boolean().optional(),
          }),
        ),
      },
      responses: { 201: jsonResponse(Item, 'Added'), ...errorResponses },
    }),
    async (c) => c.json(await addCatalogueItem(useCaseContext(c), c.req.valid('json')), 201),
  );
  return app;
}
