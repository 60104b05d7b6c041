import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { PROVISION_TEMPLATE_IDS } from '../../../forms/special-provisions/catalogue.js';
import { createOrganisation } from '../../domain/organisations/create-organisation.js';
import {
  createDepartment,
  listDepartments,
  updateDepartment,
} from '../../domain/organisations/departments.js';
import { getOrganisation, listOrganisations } from '../../domain/organisations/list-organisations.js';
import { MUNICIPALITY_KINDS } from '../../domain/organisations/municipality-words.js';
import type { Organisation } from '../../domain/organisations/organisation.repository.js';
import { updateOrganisation } from '../../domain/organisations/update-organisation.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  bearerSecurity,
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
import { validationHook } from '../validation-hook.js';

const WardSettingsSchema = z.object({
  maxSubcontractDepth: z.number().int().min(0).max(3).optional(),
  signOffChain: z
    .array(z.enum(['ward_officer', 'ward_chief', 'ward_manager']))
    .min(1)
    .max(5)
    .optional(),
  requireSecondFactor: z
    .boolean()
    .optional()
    .openapi({ description: "the ward's staff must sign in with a second factor (TOTP)" }),
  provisionsTemplate: z.enum(PROVISION_TEMPLATE_IDS).optional().openapi({
    description: '特記事項: the template new contracts are made under (GET /api/v1/provision-templates)',
  }),
  councilReportArticle: z.string().trim().min(1).max(100).optional().openapi({
    description:
      '条例の根拠: the article of the ordinance council reports (報告事項) are made under, e.g. 第14条第1項; a report item may name another',
  }),
});

const MunicipalityKind = z.enum(MUNICIPALITY_KINDS).openapi({
  description:
    "a tenant's kind of municipality: special_ward 特別区, city 市, designated_city 政令指定都市, town 町, " +
    'village 村, partial_affairs_association 一部事務組合, wide_area_union 広域連合',
});
const SelfWord = requiredText(10).openapi({
  description:
    "how the municipality speaks of itself in every page, PDF, CSV, mail and message (呼称: 区, 市, 町, 村, 組合, 連合); defaults to the kind's own word",
});
const CouncilName = requiredText(100).openapi({
  description:
    'its council (審議会, e.g. 個人情報保護審議会), where its reports (報告事項) go unless reportBodyName names another body; null: it has none',
});
const ReportBodyName = requiredText(100).openapi({
  description:
    '報告先: the body its rules send its reports to when that is not its council (e.g. 情報公開・個人情報保護審査会); null: the council. With neither, the report pages say that no body is set',
});
const HeadTitle = requiredText(50).openapi({
  description:
    "長の職名: its head's title where documents name the head (addressee of applications, issuer of notices), when not the kind's own (区長, 市長, 町長, 村長; 一部事務組合 管理者; 広域連合 広域連合長); null: the kind's",
});
const OrdinanceName = requiredText(200).openapi({
  description:
    "its ordinance's name, the basis of its reports (e.g. 南国市個人情報の保護に関する法律施行条例)",
});
const municipalityInput = {
  municipalityKind: MunicipalityKind.optional(),
  selfWord: SelfWord.nullish(),
  councilName: CouncilName.nullish(),
  ordinanceName: OrdinanceName.nullish(),
  headTitle: HeadTitle.nullish(),
  reportBodyName: ReportBodyName.nullish(),
};

const OrganisationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['ward', 'company', 'operator']),
    name: z.string(),
    nameKana: z.string().nullable(),
    corporateNumber: z.string().nullable(),
    address: z.string().nullable(),
    representative: z
      .string()
      .nullable()
      .openapi({ description: '代表者: title and name as documents print it' }),
    settings: WardSettingsSchema,
    municipalityKind: MunicipalityKind.nullable(),
    selfWord: z.string().nullable().openapi({ description: '呼称: 区, 市, …; null for companies' }),
    councilName: z.string().nullable(),
    ordinanceName: z.string().nullable(),
    headTitle: z
      .string()
      .nullable()
      .openapi({ description: "長の職名 when not the kind's; null: the kind's" }),
    reportBodyName: z
      .string()
      .nullable()
      .openapi({ description: '報告先 when not the council; null: the council' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Organisation');

const DepartmentSchema = z
  .object({
    id: z.string(),
    wardId: z.string(),
    name: z.string(),
    code: z.string().nullable(),
    version: z.number(),
  })
  .openapi('Department');

const Representative = text(100).openapi({
  description: '代表者: title and name as the documents print them (代表取締役　山田 太郎)',
});
const CorporateNumber = text(13).regex(/^\d{13}$/, 'a 13-digit corporate number (法人番号)');

const NewOrganisation = z.object({
  kind: z.enum(['ward', 'company']),
  name: requiredText(200),
  nameKana: text(200).nullish(),
  corporateNumber: CorporateNumber.nullish(),
  address: text(500).nullish(),
  representative: Representative.nullish(),
  settings: WardSettingsSchema.optional(),
  wardIds: z.array(Uuid).max(100).optional(),
  ...municipalityInput,
});

const OrganisationPatch = z.object({
  name: requiredText(200).optional(),
  nameKana: text(200).nullish(),
  corporateNumber: CorporateNumber.nullish(),
  address: text(500).nullish(),
  representative: Representative.nullish(),
  settings: WardSettingsSchema.optional(),
  ...municipalityInput,
  version: VersionField,
});

const DepartmentInput = z.object({ name: requiredText(100), code: text(20).nullish() });
const DepartmentPatch = z.object({
  name: requiredText(100).optional(),
  code: text(20).nullish(),
  version: VersionField,
});
const DepartmentParams = z.object({
  id: Uuid.openapi({ param: { name: 'id', in: 'path' } }),
  departmentId: Uuid.openapi({ param: { name: 'departmentId', in: 'path' } }),
});

function present({
  linkedOrgIds: _links,
  partnerOrgIds: _partners,
  createdAt,
  updatedAt,
  ...org
}: Omit<Organisation, 'linkedOrgIds' | 'partnerOrgIds'> & {
  linkedOrgIds?: string[];
  partnerOrgIds?: string[];
}) {
  return { ...org, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

const common = { tags: ['organisations'], security: bearerSecurity };

export function organisationRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Organisations you may see / 組織の一覧',
      description:
        'The organisations the signed-in user may see, by name: a ward sees the companies known to it; a ' +
        'company sees itself, its wards and the companies it works with in a chain of sub-contracting. ' +
        '`q` searches among them by part of the name (or kana) or by the start of the corporate number ' +
        '(法人番号) — how a contractor chooses a sub-contractor (再委託先). Any other company is named ' +
        'by its corporate number when applying.',
      request: {
        query: PageQuery.extend({
          kind: z.enum(['ward', 'company', 'operator']).optional(),
          q: z.string().max(100).optional(),
        }),
      },
      responses: {
        200: jsonResponse(pageOf(OrganisationSchema), 'A page of organisations'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const page = await listOrganisations(useCaseContext(c), c.req.valid('query'));
      return c.json({ items: page.items.map(present), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Register a ward or a company / 組織の登録',
      description:
        'A tenant (kind ward) is a municipality of any kind: municipalityKind (default special_ward), ' +
        "selfWord (default the kind's word), headTitle (default the kind's: 区長, 市長, …, 管理者, 広域連合長), " +
        'councilName, reportBodyName and ordinanceName. A company takes none of them (422).',
      request: { body: jsonBody(NewOrganisation) },
      responses: { 201: jsonResponse(OrganisationSchema, 'Registered'), ...errorResponses },
    }),
    async (c) => c.json(present(await createOrganisation(useCaseContext(c), c.req.valid('json'))), 201),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One organisation / 組織',
      description:
        'One organisation (組織) the signed-in user may see: a ward with its municipality kind, its own word (区/市/町/村), council and ordinance and its settings, or a company. Ward staff see their ward and the companies linked to it; a company sees itself, its wards and its partners in a chain of sub-contracting. An organisation you may not see is 404, like one that does not exist.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(OrganisationSchema, 'The organisation'), ...errorResponses },
    }),
    async (c) => {
      const org = await getOrganisation(useCaseContext(c), c.req.valid('param').id);
      c.header('etag', `"${org.version}"`);
      return c.json(present(org), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/{id}',
      summary: 'Change an organisation / 組織の変更',
      description:
        "An organisation's details (name, address, …) are the administrator's (system_admin). A municipality's " +
        "kind, word (呼称), head's title (長の職名), council, reporting body (報告先) and ordinance are its administrator's " +
        "and its own manager's (課長), like its settings (区の設定: sub-contracting depth, sign-off chain 決裁, …), " +
        'audited (ward.settings_update); anyone else 403, another municipality 404, a stale version 409, a bad value ' +
        "or a company given a municipality's fields 422. A new kind without a selfWord brings its own word, selfWord " +
        "null restores the default; headTitle null the kind's title.",
      request: { params: IdParam, body: jsonBody(OrganisationPatch) },
      responses: { 200: jsonResponse(OrganisationSchema, 'Changed'), ...errorResponses },
    }),
    async (c) => {
      const { version, ...patch } = c.req.valid('json');
      const org = await updateOrganisation(
        useCaseContext(c),
        c.req.valid('param').id,
        patch,
        expectedVersion(c, version),
      );
      return c.json(present(org), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/departments',
      summary: "A ward's departments / 所管課の一覧",
      description:
        "The departments (所管課) of a ward, by name: the owners of its contracts. Readable by the ward's staff and council reviewers; 404 for a ward you may not see (or an organisation that is not a ward).",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ items: z.array(DepartmentSchema) }), 'Departments'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { id } = c.req.valid('param');
      await getOrganisation(ctx, id); // 404 for a ward the caller may not see
      return c.json({ items: await listDepartments(ctx, id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/departments',
      summary: 'Add a department / 所管課の登録',
      description:
        "The ward's privacy officer (個人情報保護担当) adds a department (所管課) with a name and an optional code; audited. A name already used in the ward is 409; a user without the role 403; a ward you may not see 404.",
      request: { params: IdParam, body: jsonBody(DepartmentInput) },
      responses: { 201: jsonResponse(DepartmentSchema, 'Added'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { id } = c.req.valid('param');
      await getOrganisation(ctx, id);
      return c.json(await createDepartment(ctx, id, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/{id}/departments/{departmentId}',
      summary: 'Change a department / 所管課の変更',
      description:
        "The ward's privacy officer renames a department (所管課) or changes its code; audited. A name already used by another department of the ward is 409; 403 without the role; 404 for a department or ward you may not see.",
      request: { params: DepartmentParams, body: jsonBody(DepartmentPatch) },
      responses: { 200: jsonResponse(DepartmentSchema, 'Changed'), ...errorResponses },
    }),
    async (c) => {
      const { id, departmentId } = c.req.valid('param');
      const { version, ...patch } = c.req.valid('json');
      const dept = await updateDepartment(
        useCaseContext(c),
        id,
        departmentId,
        patch,
        expectedVersion(c, version),
      );
      return c.json(dept, 200);
    },
  );

  return app;
}
