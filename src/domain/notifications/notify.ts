import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { tenantWardId } from '../../db/tenant-ward.js';

type Db = Kysely<Database>;

export interface NotificationInput {
  userIds: string[];
  wardId: string | null;
  kind: string;
  subjectType: string;
  subjectId: string;
  /** Names the deadline and its stage: one notification per key and recipient, ever. */
  deadlineKey: string;
  title: string;
  body: string;
  dueOn?: string | null;
}

/** Adds in-app notifications; a (recipient, deadline) pair already notified is skipped. */
export async function notify(db: Db, input: NotificationInput, now: Date): Promise<number> {
  const userIds = [...new Set(input.userIds)];
  if (!userIds.length) return 0;
  const rows = await db
    .insertInto('notifications')
    .values(
      userIds.map((userId) => ({
        tenant_ward_id: tenantWardId(input.wardId),
        user_id: userId,
        ward_id: input.wardId,
        kind: input.kind,
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        deadline_key: input.deadlineKey,
        title: input.title,
        body: input.body,
        due_on: input.dueOn ?? null,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_ward_id', 'user_id', 'deadline_key']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

/** Active users of an organisation holding any of the roles. */
export async function usersWithRoles(db: Db, organisationId: string, roles: string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('disabled_at', 'is', null)
    .where((eb) => eb(eb.ref('roles'), '&&', eb.val(roles) as never))
    .execute();
  return rows.map((r) => r.id);
}
