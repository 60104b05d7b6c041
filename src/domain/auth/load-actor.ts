import type { Kysely } from 'kysely';
import { type Actor, isRole } from '../../../policies/actor.js';
import type { Database } from '../../db/database.js';

/** The user joined with the organisation kind, as the policies need it. */
export function actorQuery(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id as user_id',
      'users.organisation_id',
      'users.ward_id',
      'users.roles',
      'users.disabled_at',
      'users.email',
      'users.display_name',
      'users.password_hash',
      'organisations.kind as organisation_kind',
      'organisations.name as organisation_name',
    ]);
}

export function toActor(row: {
  user_id: string;
  organisation_id: string;
  ward_id: string | null;
  roles: string[];
  organisation_kind: 'ward' | 'company' | 'operator';
}): Actor {
  return {
    userId: row.user_id,
    organisationId: row.organisation_id,
    organisationKind: row.organisation_kind,
    wardId: row.organisation_kind === 'ward' ? row.ward_id : null,
    roles: row.roles.filter(isRole),
  };
}
