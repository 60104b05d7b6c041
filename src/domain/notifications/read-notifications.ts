import { accessibleBy, type FieldMap } from '../../../policies/rules-to-sql.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { after, decodeCursor, toPage } from '../shared/pagination.js';

const fields: FieldMap = { userId: 'notifications.user_id' };

/** The signed-in user's notifications, newest first (unread only on request). */
export async function listNotifications(
  ctx: UseCaseContext,
  query: { unread?: boolean; cursor?: string; limit: number; exceptKinds?: string[] },
) {
  let q = ctx.db
    .selectFrom('notifications')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Notification', fields));
  if (query.unread) q = q.where('read_at', 'is', null);
  if (query.exceptKinds?.length) q = q.where('kind', 'not in', query.exceptKinds);
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) => after(eb, ['notifications.created_at', 'notifications.id'], [createdAt, id], 'desc'));
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(
    rows,
    query.limit,
    (r) => [r.created_at.toISOString(), r.id],
    (r) => ({
      id: r.id,
      kind: r.kind,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      title: r.title,
      body: r.body,
      dueOn: r.due_on,
      createdAt: r.created_at.toISOString(),
      read: r.read_at !== null,
    }),
  );
}

export async function markNotificationRead(ctx: UseCaseContext, id: string): Promise<void> {
  await inTransaction(ctx, async ({ tx, audit }) => {
    const row = await tx
      .selectFrom('notifications')
      .select(['user_id', 'ward_id', 'read_at'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('Notification', '通知');
    authorize(ctx.ability, 'update', 'Notification', { userId: row.user_id });
    if (row.read_at) return;
    await tx.updateTable('notifications').set({ read_at: ctx.now() }).where('id', '=', id).execute();
    await audit({
      wardId: row.ward_id,
      action: 'notification.read',
      subjectType: 'Notification',
      subjectId: id,
    });
  });
}
