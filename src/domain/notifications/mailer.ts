import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';

/** Sends one mail; the Node adapter uses nodemailer with SMTP_URL. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/**
 * Mails the notifications not mailed yet. Rows are claimed with SKIP LOCKED so that two servers
 * never send the same one; a row is marked in the same transaction as its send.
 */
export async function sendPendingMail(
  db: Kysely<Database>,
  mailer: Mailer,
  now: Date,
  batch = 200,
): Promise<number> {
  let sent = 0;
  for (;;) {
    const done = await db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('notifications as n')
        .innerJoin('users as u', 'u.id', 'n.user_id')
        .select(['n.id', 'n.title', 'n.body', 'u.email'])
        .where('n.mailed_at', 'is', null)
        .where('u.disabled_at', 'is', null)
        .orderBy('n.created_at')
        .limit(batch)
        .forUpdate('n')
        .skipLocked()
        .execute();
      for (const row of rows) {
        await mailer.send({
          to: row.email,
          subject: row.title,
          text: `${row.body}\n\n— 個人情報取扱委託 管理システム`,
        });
        await tx.updateTable('notifications').set({ mailed_at: now }).where('id', '=', row.id).execute();
      }
      return rows.length;
    });
    sent += done;
    if (done < batch) return sent;
  }
}
