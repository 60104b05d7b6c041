import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { declareDevice } from '../../domain/devices/declare-device.js';
import {
  actOnDevice,
  type DeviceCommand,
  type DeviceDeclaration,
  deviceActions,
  getDeviceDeclaration,
  listDeviceDeclarations,
} from '../../domain/devices/devices.js';
import { nameMyNumberAreas, readMyNumberProfile } from '../../domain/my-number/my-number.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  AllowedActions,
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
import { DateText } from '../schemas/contracts.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['devices'], security: bearerSecurity };
const Status = z.enum(['declared', 'permitted', 'refused', 'withdrawn']);

const DeviceSchema = z
  .object({
    allowedActions: AllowedActions,
    id: z.string(),
    wardId: z.string(),
    contractId: z.string(),
    organisationId: z.string(),
    status: Status.openapi({
      description: 'declared 許可待ち, permitted 許可, refused 不許可, withdrawn 取下げ・持込み終了',
    }),
    declarant: z.object({ handlerId: z.string(), fullName: z.string() }),
    deviceName: z.string(),
    specification: z.string(),
    purpose: z.string(),
    storagePlace: z.string(),
    usePlace: z.string(),
    bringFrom: z.string(),
    noNetworkAcknowledged: z.boolean(),
    declaredAt: z.string(),
    decidedAt: z.string().nullable(),
    decisionComment: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    withdrawalReason: z.string().nullable(),
    version: z.number(),
  })
  .openapi('DeviceDeclaration');

function present(viewer: Viewer, record: DeviceDeclaration) {
  const { chainOrgIds: _c, machine: _m, ...d } = record;
  return {
    ...d,
    allowedActions: deviceActions(viewer, record),
    declaredAt: d.declaredAt.toISOString(),
    decidedAt: d.decidedAt?.toISOString() ?? null,
    withdrawnAt: d.withdrawnAt?.toISOString() ?? null,
  };
}

const COMMANDS: Array<[DeviceCommand, string, string]> = [
  [
    'permit',
    'Permit the device in advance / 持込みの許可',
    'By the municipality’s privacy officer, 係長 or 課長, before the declared first day (事前に市の許可を得て); a permission on a later day is refused (409): there is no permission after the fact. A permitted device is never connected to the municipality’s network.',
  ],
  [
    'refuse',
    'Refuse the device / 持込みの不許可',
    'By the municipality’s signers, with the reason (422 without it).',
  ],
  [
    'withdraw',
    'Withdraw the declaration, or end a permitted device’s use / 取下げ・持込み終了',
    'By the declaring company’s manager, while it awaits the decision or is permitted.',
  ],
];

/** 情報機器等の持込み (seed 004 5(3)): the register of declared devices and the municipality's decisions. */
export function deviceRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Declared devices you may see / 情報機器等の持込みの一覧',
      description:
        'The register of devices declared for the designated place (機器名, 仕様, 用途) with the municipality’s decision. The municipality’s staff (not its council reviewers) see their own; a company its own and, as contractor, its sub-contractors’. Permissions apply in SQL. A contract you may not read is a 404.',
      request: { query: PageQuery.extend({ status: Status.optional(), contractId: Uuid.optional() }) },
      responses: { 200: jsonResponse(pageOf(DeviceSchema), 'A page of devices'), ...errorResponses },
    }),
    async (c) => {
      const page = await listDeviceDeclarations(useCaseContext(c), c.req.valid('query'));
      return c.json(
        { items: page.items.map((d) => present(useCaseContext(c), d)), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Declare a device to bring in / 情報機器等の持込みの届出',
      description:
        'By the manager of the contracting company, for the 業務責任者 (or 副業務責任者) on its acknowledged roster (業務従事者名簿) who brings it: 機器名, 仕様, 用途, where it is kept and used (agreed with the municipality), and the first day it is brought in (today at the earliest). The declarant acknowledges that it is never connected to the municipality’s network (noNetworkAcknowledged must be true). Refusals are 422 with each field’s error; another company’s contract is a 404.',
      request: {
        body: jsonBody(
          z.object({
            contractId: Uuid,
            declarantHandlerId: Uuid.openapi({ description: 'the 業務責任者 on the roster' }),
            deviceName: requiredText(200).openapi({ description: '機器名' }),
            specification: requiredText(2000).openapi({ description: '仕様' }),
            purpose: requiredText(2000).openapi({ description: '用途' }),
            storagePlace: requiredText(500).openapi({ description: '保管場所' }),
            usePlace: requiredText(500).openapi({ description: '使用場所' }),
            bringFrom: DateText.openapi({ description: '持込み開始日' }),
            noNetworkAcknowledged: z
              .boolean()
              .openapi({ description: '市のネットワークに接続しないことの確認 (must be true)' }),
          }),
        ),
      },
      responses: { 201: jsonResponse(DeviceSchema, 'Declared; the municipality decides'), ...errorResponses },
    }),
    async (c) =>
      c.json(present(useCaseContext(c), await declareDevice(useCaseContext(c), c.req.valid('json'))), 201),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One declared device / 情報機器等の持込み',
      description: 'With what the reader may do now (allowedActions). One you may not read is a 404.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(DeviceSchema, 'The device'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        present(useCaseContext(c), await getDeviceDeclaration(useCaseContext(c), c.req.valid('param').id)),
        200,
      ),
  );

  for (const [command, summary, description] of COMMANDS) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/${command}`,
        summary,
        description: `${description} Needs the version read (409 if stale).`,
        request: {
          params: IdParam,
          body: jsonBody(z.object({ comment: text(2000).nullish(), version: VersionField })),
        },
        responses: { 200: jsonResponse(DeviceSchema, 'The device after the step'), ...errorResponses },
      }),
      async (c) => {
        const { version, ...input } = c.req.valid('json');
        const record = await actOnDevice(
          useCaseContext(c),
          c.req.valid('param').id,
          command,
          input,
          expectedVersion(c, version),
        );
        return c.json(present(useCaseContext(c), record), 200);
      },
    );
  }
  return app;
}

const ProfileSchema = z
  .object({
    contractId: z.string(),
    myNumberContract: z.boolean(),
    items: z.array(z.string()),
    areas: z.array(z.string()),
    areasVersion: z.number(),
    basis: z.object({ ja: z.string(), en: z.string() }),
  })
  .openapi('MyNumberProfile');

/** 特定個人情報: whether a contract is a My Number contract, and where it is handled (取扱区域). */
export function myNumberRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);
  const tags = { tags: ['my number'], security: bearerSecurity };

  app.openapi(
    createRoute({
      ...tags,
      method: 'get',
      path: '/{id}/my-number',
      summary: 'Whether the contract holds 特定個人情報, and its handling areas / 特定個人情報の取扱い',
      description:
        'A contract whose register flags an item 個人番号 is a My Number contract: sub-contracting at every level needs the municipality’s permission (番号法 第10条; every application is signed by the municipality’s chain), the roster names the staff allowed to handle it, and the municipality names the handling areas (取扱区域). Read by whoever reads the contract (404 otherwise).',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ProfileSchema, 'The profile'), ...errorResponses },
    }),
    async (c) => c.json(await readMyNumberProfile(useCaseContext(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...tags,
      method: 'put',
      path: '/{id}/my-number/areas',
      summary: 'Name the areas where 特定個人情報 is handled / 取扱区域の指定',
      description:
        'By the municipality’s privacy officer while the contract may be edited; refused (422) for a contract with no item flagged 個人番号 or without an area. Version 0 names them the first time, then the version read (409 if stale). Audited (contract.my_number_areas).',
      request: {
        params: IdParam,
        body: jsonBody(
          z.object({
            areas: z.array(text(300)).max(50).openapi({ description: '取扱区域' }),
            version: z.number().int().min(0).openapi({ description: 'areasVersion as read (0: none yet)' }),
          }),
        ),
      },
      responses: { 200: jsonResponse(ProfileSchema, 'The profile after the change'), ...errorResponses },
    }),
    async (c) => {
      const { areas, version } = c.req.valid('json');
      return c.json(await nameMyNumberAreas(useCaseContext(c), c.req.valid('param').id, areas, version), 200);
    },
  );
  return app;
}
