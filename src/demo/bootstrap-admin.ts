import type { Kysely } from 'kysely';
import type { Actor } from '../../policies/actor.js';
import type { Database } from '../db/database.js';
import type { PasswordHasher } from '../domain/auth/password-hasher.js';
import { inTransaction } from '../domain/shared/context.js';

/**
 * Creates the first ward and its system administrator, the one account that cannot be created
 * through the API (nobody is signed in yet). Audited like any other change.
 */
export async function bootstrapAdmin(
  db: Kysely<Database>,
  passwords: PasswordHasher,
  input: { wardName: string; email: string; displayName: string; password: string; now: () => Date },
): Promise<Actor> {
  const passwordHash = await passwords.hash(input.password);
  const wardId = crypto.randomUUID();
  const userId = crypto.randomUUID();
  const actor: Actor = {
    userId,
    organisationId: wardId,
    organisationKind: 'ward',
    wardId,
    roles: ['system_admin'],
  };
  await inTransaction({ db, actor, requestId: 'bootstrap', now: input.now }, async ({ tx, audit }) => {
    await tx
      .insertInto('organisations')
      .values({
        id: wardId,
        kind: 'ward',
        name: input.wardName,
        settings: JSON.stringify({ maxSubcontractDepth: 1 }),
      })
      .execute();
    await tx
      .insertInto('users')
      .values({
        id: userId,
        organisation_id: wardId,
        ward_id: wardId,
        email: input.email,
        display_name: input.displayName,
        password_hash: passwordHash,
        roles: ['system_admin'],
      })
      .execute();
    await audit({
      wardId,
      action: 'system.bootstrap',
      subjectType: 'User',
      subjectId: userId,
      after: { wardId, wardName: input.wardName, email: input.email, roles: ['system_admin'] },
    });
  });
  return actor;
}
