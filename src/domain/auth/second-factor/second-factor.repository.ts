import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { Tx } from '../../shared/context.js';
import { newTotpSecret } from './totp.js';

export interface SecondFactor {
  secret: string;
  /** Confirmed by a code from the authenticator; until then it is only being enrolled. */
  confirmed: boolean;
  lastUsedStep: number | null;
}

export async function findSecondFactor(
  db: Kysely<Database>,
  userId: string,
  lock = false,
): Promise<SecondFactor | undefined> {
  let query = db.selectFrom('second_factors').selectAll().where('user_id', '=', userId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return (
    row && {
      secret: row.secret,
      confirmed: row.confirmed_at !== null,
      lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step),
    }
  );
}

/**
 * Whether a user must sign in with a second factor: ward staff of a ward whose settings say so.
 * Company staff and administrators choose for themselves.
 */
export async function secondFactorRequired(
  db: Kysely<Database>,
  user: { organisation_kind: string; ward_id: string | null },
): Promise<boolean> {
  if (user.organisation_kind !== 'ward' || !user.ward_id) return false;
  const ward = await db
    .selectFrom('organisations')
    .select('settings')
    .where('id', '=', user.ward_id)
    .executeTakeFirst();
  return ward?.settings.requireSecondFactor === true;
}

/**
 * The secret being enrolled: the pending one when there is one (so that a page shown again shows
 * the same QR code), else a new one. Never replaces a confirmed factor.
 */
export async function pendingSecret(tx: Tx, userId: string, now: Date): Promise<string | undefined> {
  const current = await findSecondFactor(tx, userId, true);
  if (current?.confirmed) return undefined;
  if (current) return current.secret;
  const secret = newTotpSecret();
  await tx
    .insertInto('second_factors')
    .values({ user_id: userId, secret, created_at: now, updated_at: now })
    .execute();
  return secret;
}

/** Marks the pending factor confirmed, with the step of the code that confirmed it. */
export async function confirmSecondFactor(tx: Tx, userId: string, step: number, now: Date): Promise<void> {
  await tx
    .updateTable('second_factors')
    .set({ confirmed_at: now, last_used_step: step, updated_at: now })
    .where('user_id', '=', userId)
    .execute();
}

/** Records the step of an accepted code, so that the same code is not accepted again. */
export async function recordUsedStep(tx: Tx, userId: string, step: number, now: Date): Promise<void> {
  await tx
    .updateTable('second_factors')
    .set({ last_used_step: step, updated_at: now })
    .where('user_id', '=', userId)
    .execute();
}

/** Removes a user's second factor and recovery codes. */
export async function removeSecondFactor(tx: Tx, userId: string): Promise<boolean> {
  await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const removed = await tx.deleteFrom('second_factors').where('user_id', '=', userId).executeTakeFirst();
  return removed.numDeletedRows > 0n;
}
