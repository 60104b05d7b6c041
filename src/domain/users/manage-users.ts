import { sql } from 'kysely';
import { accessibleBy } from '../../../policies/rules-to-sql.js';
import type { PasswordHasher } from '../auth/password-hasher.js';
import { removeSecondFactor } from '../auth/second-factor/second-factor.repository.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type Tx, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound, ValidationError } from '../shared/errors.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { type ListSort, likePattern, sortedPage } from '../shared/sorted-list.js';
import { checkVersion } from '../shared/versioning.js';
import { findUser, toUser, type User, userFields } from './user.repository.js';
import { checkRolesFit, type NewUserInput, type UserPatch } from './user-input.js';

async function checkDepartment(tx: Tx, wardId: string | null, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const found =
    wardId &&
    (await tx
      .selectFrom('departments')
      .select('id')
      .where('ward_id', '=', wardId)
      .where('id', '=', departmentId)
      .executeTakeFirst());
  if (!found) {
    throw new ValidationError({ en: 'Unknown department', ja: '所管課が存在しません' }, [
      {
        path: 'departmentId',
        message: 'not a department of this {self}',
        message_ja: 'この{self}の所管課ではありません',
      },
    ]);
  }
}

export async function createUser(
  ctx: UseCaseContext,
  passwords: PasswordHasher,
  input: NewUserInput,
): Promise<User> {
  const org = await ctx.db
    .selectFrom('organisations')
    .select(['id', 'kind'])
    .where('id', '=', input.organisationId)
    .executeTakeFirst();
  const wardId = org?.kind === 'ward' ? org.id : null;
  authorize(ctx.ability, 'create', 'User', {
    organisationId: input.organisationId,
    wardId,
    roles: input.roles,
  });
  if (!org) throw notFound('Organisation', '組織');
  checkRolesFit(org.kind, input.roles);
  const passwordHash = await passwords.hash(input.password);

  return inTransaction(ctx, async ({ tx, audit }) => {
    await checkDepartment(tx, wardId, input.departmentId);
    const row = await tx
      .insertInto('users')
      .values({
        organisation_id: org.id,
        ward_id: wardId,
        department_id: input.departmentId ?? null,
        email: input.email.trim(),
        display_name: input.displayName,
        password_hash: passwordHash,
        roles: input.roles,
      })
      // unique within the organisation only: whether an address exists elsewhere is not told
      .onConflict((oc) => oc.expression(sql`organisation_id, lower(email)`).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      throw new ConflictError({
        en: 'A user with this e-mail address already exists in this organisation',
        ja: 'このメールアドレスの利用者はこの組織に既に登録されています',
      });
    }
    const created = toUser(row);
    await audit({
      wardId,
      action: 'user.create',
      subjectType: 'User',
      subjectId: created.id,
      after: created,
    });
    return created;
  });
}

export async function updateUser(
  ctx: UseCaseContext,
  passwords: PasswordHasher,
  id: string,
  patch: UserPatch,
  expectedVersion: number,
): Promise<User> {
  const passwordHash = patch.password ? await passwords.hash(patch.password) : undefined;
  return inTransaction(ctx, async ({ tx, audit }) => {
    const before = await findUser(tx, id, true);
    if (!before) throw notFound('User', '利用者');
    authorize(ctx.ability, 'update', 'User', before);
    checkVersion('利用者 / User', expectedVersion, before.version);
    if (patch.roles) {
      authorize(ctx.ability, 'update', 'User', { ...before, roles: patch.roles });
      const org = await tx
        .selectFrom('organisations')
        .select('kind')
        .where('id', '=', before.organisationId)
        .executeTakeFirstOrThrow();
      checkRolesFit(org.kind, patch.roles);
    }
    if (patch.departmentId !== undefined) await checkDepartment(tx, before.wardId, patch.departmentId);
    const row = await tx
      .updateTable('users')
      .set({
        ...(patch.displayName !== undefined && { display_name: patch.displayName }),
        ...(patch.departmentId !== undefined && { department_id: patch.departmentId }),
        ...(patch.roles !== undefined && { roles: patch.roles }),
        ...(patch.disabled !== undefined && { disabled_at: patch.disabled ? ctx.now() : null }),
        ...(passwordHash && { password_hash: passwordHash }),
        updated_at: ctx.now(),
        version: before.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const secondFactorReset = patch.resetSecondFactor === true && (await removeSecondFactor(tx, id));
    // A disabled user, a changed password or a removed second factor ends every open session.
    if (patch.disabled || passwordHash || secondFactorReset) {
      await tx
        .updateTable('sessions')
        .set({ revoked_at: ctx.now() })
        .where('user_id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    }
    const updated = toUser(row);
    await audit({
      wardId: before.wardId,
      action: 'user.update',
      subjectType: 'User',
      subjectId: id,
      before,
      after: { ...updated, passwordChanged: Boolean(passwordHash), secondFactorReset },
    });
    return updated;
  });
}

export async function getUser(ctx: UseCaseContext, id: string): Promise<User> {
  const user = await findUser(ctx.db, id);
  if (!user) throw notFound('User', '利用者');
  authorize(ctx.ability, 'read', 'User', user);
  return user;
}

export const USER_SORT_KEYS = ['displayName', 'email', 'state'] as const;
export type UserSortKey = (typeof USER_SORT_KEYS)[number];

const USER_SORT_COLUMNS: Record<UserSortKey, string> = {
  displayName: 'users.display_name',
  email: 'users.email',
  // those in use first
  state: "case when users.disabled_at is null then '1' else '2' end",
};

/** The accounts the actor may read, by e-mail address or a column; `q`: words in the name or address. */
export async function listUsers(
  ctx: UseCaseContext,
  query: {
    organisationId?: string;
    q?: string;
    sort?: ListSort<UserSortKey>;
    cursor?: string;
    limit: number;
  },
): Promise<Page<User>> {
  let q = ctx.db
    .selectFrom('users')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'User', userFields));
  if (query.organisationId) q = q.where('organisation_id', '=', query.organisationId);
  if (query.q) {
    const pattern = likePattern(query.q);
    q = q.where((eb) =>
      eb.or([eb('users.display_name', 'ilike', pattern), eb('users.email', 'ilike', pattern)]),
    );
  }
  if (query.sort)
    return sortedPage(q, USER_SORT_COLUMNS, 'users.id', query.sort, query.cursor, query.limit, toUser);
  if (query.cursor) {
    const [email, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) => after(eb, ['users.email', 'users.id'], [email, id]));
  }
  const rows = await q
    .orderBy('email')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.email, r.id], toUser);
}
