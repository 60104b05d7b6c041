import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import type { Tx } from '../../shared/context.js';
import { sha256Hex } from '../../shared/sha256.js';

// One-time recovery codes, for when the authenticator is lost: ten of them, about 59 random bits
// each, shown once and stored only as SHA-256 hashes (random codes need no slow hash: a hash of
// 59 random bits cannot be guessed back).

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i
const COUNT = 10;

function newCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** How a typed code is compared: case, spaces and hyphens do not matter. */
function normalise(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

/** Whether what was typed looks like a recovery code rather than a six-digit TOTP code. */
export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{12}$/.test(normalise(code)) && !/^\d+$/.test(normalise(code));
}

/** Replaces a user's recovery codes with new ones; returns them (the only time they are shown). */
export async function replaceRecoveryCodes(tx: Tx, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: COUNT }, newCode);
  await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await tx
    .insertInto('recovery_codes')
    .values(
      await Promise.all(
        codes.map(async (code) => ({
          user_id: userId,
          code_hash: await sha256Hex(normalise(code)),
          created_at: now,
        })),
      ),
    )
    .execute();
  return codes;
}

/** Uses up one recovery code; false when it is not one of the user's unused codes. */
export async function spendRecoveryCode(tx: Tx, userId: string, code: string, now: Date): Promise<boolean> {
  const used = await tx
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', await sha256Hex(normalise(code)))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return used.numUpdatedRows > 0n;
}

/** How many unused recovery codes a user has left. */
export async function recoveryCodesLeft(tx: Kysely<Database>, userId: string): Promise<number> {
  const row = await tx
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
