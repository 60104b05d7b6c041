import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLES } from '../../../policies/actor.js';
import { createUser, getUser, listUsers, updateUser } from '../../domain/users/manage-users.js';
import type { User } from '../../domain/users/user.repository.js';
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

const RoleSchema = z.enum(ROLES);

const UserSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    wardId: z.string().nullable(),
    departmentId: z.string().nullable(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(RoleSchema),
    disabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('User');

const Password = text(200).min(12, 'at least 12 characters');

const NewUser = z.object({
  organisationId: Uuid,
  departmentId: Uuid.nullish(),
  email: z.email().max(254),
  displayName: requiredText(100),
  password: Password,
  roles: z.array(RoleSchema).min(1).max(ROLES.length),
});

const UserPatch = z.object({
  displayName: requiredText(100).optional(),
  departmentId: Uuid.nullish(),
  roles: z.array(RoleSchema).min(1).max(ROLES.length).optional(),
  disabled: z.boolean().optional(),
  password: Password.optional(),
  resetSecondFactor: z.literal(true).optional().openapi({
    description: 'remove the second factor (a lost phone and lost recovery codes); the user sets it up again',
  }),
  version: VersionField,
});

function present(user: User) {
  return { ...user, createdAt: user.createdAt.toISOString(), updatedAt: user.updatedAt.toISOString() };
}

const common = { tags: ['users'], security: bearerSecurity };

export function userRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Users you may see / 利用者の一覧',
      description:
        "The user accounts (利用者) the signed-in user may see, filtered in the database: ward staff see their ward's accounts, company staff their company's, system administrators all. Paged with limit and cursor. Never includes passwords or second-factor secrets.",
      request: { query: PageQuery.extend({ organisationId: Uuid.optional() }) },
      responses: { 200: jsonResponse(pageOf(UserSchema), 'A page of users'), ...errorResponses },
    }),
    async (c) => {
      const page = await listUsers(useCaseContext(c), c.req.valid('query'));
      return c.json({ items: page.items.map(present), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Create a user / 利用者の登録',
      description:
        "Creates an account (利用者の登録) with an e-mail address, a name, a password and roles: a ward's manager (課長) creates the ward's staff with ward roles, a company's manager (統括責任者) its own staff with company roles, a system administrator anyone. Roles that do not fit the organisation's kind, or a department of another ward, are 422; granting roles you may not grant (administrator, or the other side's roles) is 403; an address already used in that organisation is 409. Audited.",
      request: { body: jsonBody(NewUser) },
      responses: { 201: jsonResponse(UserSchema, 'Created'), ...errorResponses },
    }),
    async (c) => {
      const user = await createUser(useCaseContext(c), c.get('deps').passwords, c.req.valid('json'));
      return c.json(present(user), 201);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One user / 利用者',
      description:
        'One user account (利用者) the signed-in user may see: name, e-mail address, organisation, department, roles, whether it is disabled. A user you may not see is 404.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(UserSchema, 'The user'), ...errorResponses },
    }),
    async (c) => {
      const user = await getUser(useCaseContext(c), c.req.valid('param').id);
      c.header('etag', `"${user.version}"`);
      return c.json(present(user), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/{id}',
      summary: 'Change a user (roles, disabled, password) / 利用者の変更',
      description:
        "Changes an account (利用者の変更): name, department, roles, disabled, a new password, or removing its second factor (after a lost phone). By the organisation's manager (課長 for a ward, 統括責任者 for a company) or an administrator, based on the version read (409 if stale). Disabling, a new password or a removed second factor ends every open session of the user. Roles that do not fit are 422, roles you may not grant 403, a user you may not see 404. Audited.",
      request: { params: IdParam, body: jsonBody(UserPatch) },
      responses: { 200: jsonResponse(UserSchema, 'Changed'), ...errorResponses },
    }),
    async (c) => {
      const { version, ...patch } = c.req.valid('json');
      const user = await updateUser(
        useCaseContext(c),
        c.get('deps').passwords,
        c.req.valid('param').id,
        patch,
        expectedVersion(c, version),
      );
      return c.json(present(user), 200);
    },
  );

  return app;
}
