import type { Selectable } from 'kysely';
import { accessibleBy, type FieldMap } from '../../../policies/rules-to-sql.js';
import type { DepartmentsTable } from '../../db/database.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';

/** 所管課: a department of a ward that owns contracts. */
export interface Department {
  id: string;
  wardId: string;
  name: string;
  code: string | null;
  version: number;
}

export const departmentFields: FieldMap = { wardId: 'departments.ward_id', id: 'departments.id' };

function toDepartment(row: Selectable<DepartmentsTable>): Department {
  return { id: row.id, wardId: row.ward_id, name: row.name, code: row.code, version: row.version };
}

export async function listDepartments(ctx: UseCaseContext, wardId: string): Promise<Department[]> {
  const rows = await ctx.db
    .selectFrom('departments')
    .selectAll()
    .where('ward_id', '=', wardId)
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Department', departmentFields))
    .orderBy('name')
    .execute();
  return rows.map(toDepartment);
}

function duplicateName(name: string) {
  return new ConflictError({
    en: `A department named ${name} already exists in this {self}`,
    ja: `この{self}には「${name}」という所管課が既に登録されています`,
  });
}

export async function createDepartment(
  ctx: UseCaseContext,
  wardId: string,
  input: { name: string; code?: string | null },
): Promise<Department> {
  authorize(ctx.ability, 'create', 'Department', { wardId });
  return inTransaction(ctx, async ({ tx, audit }) => {
    const ward = await tx
      .selectFrom('organisations')
      .select('kind')
      .where('id', '=', wardId)
      .executeTakeFirst();
    if (ward?.kind !== 'ward') throw notFound('{Self}', '{self}');
    const row = await tx
      .insertInto('departments')
      .values({ ward_id: wardId, name: input.name, code: input.code ?? null })
      .onConflict((oc) => oc.columns(['ward_id', 'name']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw duplicateName(input.name);
    const created = toDepartment(row);
    await audit({
      wardId,
      action: 'department.create',
      subjectType: 'Department',
      subjectId: row.id,
      after: created,
    });
    return created;
  });
}

export async function updateDepartment(
  ctx: UseCaseContext,
  wardId: string,
  id: string,
  patch: { name?: string; code?: string | null },
  expectedVersion: number,
): Promise<Department> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const row = await tx
      .selectFrom('departments')
      .selectAll()
      .where('ward_id', '=', wardId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('Department', '所管課');
    const before = toDepartment(row);
    authorize(ctx.ability, 'update', 'Department', before);
    checkVersion('所管課 / Department', expectedVersion, before.version);
    if (patch.name && patch.name !== before.name) {
      const clash = await tx
        .selectFrom('departments')
        .select('id')
        .where('ward_id', '=', wardId)
        .where('name', '=', patch.name)
        .executeTakeFirst();
      if (clash) throw duplicateName(patch.name);
    }
    const updated = await tx
      .updateTable('departments')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.code !== undefined && { code: patch.code }),
        updated_at: ctx.now(),
        version: before.version + 1,
      })
      .where('ward_id', '=', wardId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toDepartment(updated);
    await audit({
      wardId,
      action: 'department.update',
      subjectType: 'Department',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}
