import type { Kysely } from 'kysely';
import type { Actor } from '../../policies/actor.js';
import type { Database } from '../db/database.js';
import type { PasswordHasher } from '../domain/auth/password-hasher.js';
import { inTransaction } from '../domain/shared/context.js';

/**
 * Creates the operator (システム運用者, the organisation that runs the system) and its first
 * system administrator, the one account that cannot be created through the API (nobody is signed
 * in yet). The administrator works across wards and belongs to none. Audited like any other change.
 */
export async function bootstrapAdmin(
  db: Kysely<Database>,
  passwords: PasswordHasher,
  input: { operatorName: string; email: string; displayName: string; password: string; now: () => Date },
): Promise<Actor> {
  const passwordHash = await passwords.hash(input.password);
  const operatorId = crypto.randomUUID();
  const userId = crypto.randomUUID();
  const actor: Actor = {
    userId,
    organisationId: operatorId,
    organisationKind: 'operator',
    wardId: null,
    roles: ['system_admin'],
  };
  await inTransaction({ db, actor, requestId: 'bootstrap', now: input.now }, async ({ tx, audit }) => {
    await tx
      .insertInto('organisations')
      .values({ id: operatorId, kind: 'operator', name: input.operatorName, settings: '{}' })
      .execute();
    await tx
      .insertInto('users')
      .values({
        id: userId,
        organisation_id: operatorId,
        ward_id: null,
        email: input.email,
        display_name: input.displayName,
        password_hash: passwordHash,
        roles: ['system_admin'],
      })
      .execute();
    await audit({
      wardId: null,
      action: 'system.bootstrap',
      subjectType: 'User',
      subjectId: userId,
      after: { operatorId, operatorName: input.operatorName, email: input.email, roles: ['system_admin'] },
    });
  });
  return actor;
}
