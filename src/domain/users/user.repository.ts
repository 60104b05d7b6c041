import type { Kysely } from 'kysely';
import { isRole, type Role } from '../../../policies/actor.js';
import { arrayColumn, type FieldMap } from '../../../policies/rules-to-sql.js';
import type { Database, UserRow } from '../../db/database.js';

export interface User {
  id: string;
  organisationId: string;
  wardId: string | null;
  departmentId: string | null;
  email: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const userFields: FieldMap = {
  id: 'users.id',
  organisationId: 'users.organisation_id',
  wardId: 'users.ward_id',
  roles: arrayColumn('users.roles'),
};

/** The password hash never leaves the repository. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    wardId: row.ward_id,
    departmentId: row.department_id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles.filter(isRole),
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export async function findUser(db: Kysely<Database>, id: string, lock = false): Promise<User | undefined> {
  let query = db.selectFrom('users').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toUser(row);
}
