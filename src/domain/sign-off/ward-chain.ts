import type { Kysely } from 'kysely';
import { DEFAULT_SIGN_OFF_CHAIN, type SignOffRole } from '../../../workflows/shared/sign-off.js';
import type { Database } from '../../db/database.js';

/** A ward's sign-off chain (決裁), from its settings; 担当者 → 係長 → 課長 unless it set another. */
export async function wardSignOffChain(db: Kysely<Database>, wardId: string): Promise<SignOffRole[]> {
  const ward = await db
    .selectFrom('organisations')
    .select('settings')
    .where('id', '=', wardId)
    .executeTakeFirstOrThrow();
  return chainOf(ward.settings.signOffChain);
}

/** The chain a ward's settings give, or the default one. */
export function chainOf(configured: readonly SignOffRole[] | undefined | null): SignOffRole[] {
  return [...(configured?.length ? configured : DEFAULT_SIGN_OFF_CHAIN)];
}
