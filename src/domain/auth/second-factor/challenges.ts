import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { Tx } from '../../shared/context.js';
import { UnauthenticatedError } from '../../shared/errors.js';
import { sha256Hex } from '../../shared/sha256.js';
import { constantTimeEqual, randomToken } from '../random-token.js';

// A sign-in challenge: what the password step hands out when a second factor must follow. It is
// `<id>.<secret>` (the secret stored only as its hash), lives ten minutes (long enough to scan a
// QR code) and takes at most five codes; then the password has to be given again.

const TTL_SECONDS = 10 * 60;
export const MAX_CODES_PER_CHALLENGE = 5;

export const CHALLENGE_ENDED = new UnauthenticatedError({
  en: 'The sign-in has expired or was used up; sign in again with your password',
  ja: 'ログインの有効期限が切れたか、確認コードの入力回数を超えました。パスワードからやり直してください',
});

export interface Challenge {
  id: string;
  userId: string;
  purpose: 'verify' | 'enrol';
  email: string;
  attemptId: string;
  attempts: number;
}

export async function createChallenge(
  tx: Tx,
  input: Omit<Challenge, 'id' | 'attempts'> & { ip: string | null; userAgent: string | null; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const id = crypto.randomUUID();
  const secret = randomToken();
  const expiresAt = new Date(input.now.getTime() + TTL_SECONDS * 1000);
  await tx
    .insertInto('sign_in_challenges')
    .values({
      id,
      user_id: input.userId,
      secret_hash: await sha256Hex(secret),
      purpose: input.purpose,
      email: input.email,
      attempt_id: input.attemptId,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
      created_at: input.now,
      expires_at: expiresAt,
    })
    .execute();
  return { token: `${id}.${secret}`, expiresAt };
}

/** The open challenge a token names (locked when `lock`), or CHALLENGE_ENDED. */
export async function openChallenge(
  db: Kysely<Database>,
  token: string,
  now: Date,
  lock = false,
): Promise<Challenge> {
  const [id, secret] = token.split('.');
  if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw CHALLENGE_ENDED;
  let query = db.selectFrom('sign_in_challenges').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (
    !row ||
    row.used_at !== null ||
    row.expires_at <= now ||
    row.attempts >= MAX_CODES_PER_CHALLENGE ||
    !constantTimeEqual(await sha256Hex(secret), row.secret_hash)
  ) {
    throw CHALLENGE_ENDED;
  }
  return {
    id: row.id,
    userId: row.user_id,
    purpose: row.purpose,
    email: row.email,
    attemptId: row.attempt_id,
    attempts: row.attempts,
  };
}

/** Counts a wrong code; the fifth ends the challenge. */
export async function countWrongCode(tx: Tx, challenge: Challenge, now: Date): Promise<void> {
  const attempts = challenge.attempts + 1;
  await tx
    .updateTable('sign_in_challenges')
    .set({ attempts, ...(attempts >= MAX_CODES_PER_CHALLENGE && { used_at: now }) })
    .where('id', '=', challenge.id)
    .execute();
}

export async function closeChallenge(tx: Tx, challenge: Challenge, now: Date): Promise<void> {
  await tx.updateTable('sign_in_challenges').set({ used_at: now }).where('id', '=', challenge.id).execute();
}
