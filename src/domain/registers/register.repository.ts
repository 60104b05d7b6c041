import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { EMPTY_REGISTER, type RegisterDocument } from './register-document.js';

export interface RegisterRevision {
  contractId: string;
  revision: number;
  document: RegisterDocument;
  changedBy: string | null;
  changedAt: Date;
  note: string | null;
}

/** The revision in force at `asOf` (the latest when omitted); revision 0 is the empty register. */
export async function findRegisterRevision(
  db: Kysely<Database>,
  wardId: string,
  contractId: string,
  asOf?: Date,
): Promise<RegisterRevision> {
  let q = db
    .selectFrom('register_revisions')
    .selectAll()
    .where('ward_id', '=', wardId)
    .where('contract_id', '=', contractId);
  if (asOf) q = q.where('changed_at', '<=', asOf);
  const row = await q.orderBy('revision', 'desc').limit(1).executeTakeFirst();
  if (!row)
    return {
      contractId,
      revision: 0,
      document: EMPTY_REGISTER,
      changedBy: null,
      changedAt: new Date(0),
      note: null,
    };
  return {
    contractId,
    revision: row.revision,
    document: row.document as RegisterDocument,
    changedBy: row.changed_by,
    changedAt: row.changed_at,
    note: row.note,
  };
}

export async function listRegisterRevisions(db: Kysely<Database>, wardId: string, contractId: string) {
  const rows = await db
    .selectFrom('register_revisions')
    .select(['revision', 'changed_by', 'changed_at', 'note'])
    .where('ward_id', '=', wardId)
    .where('contract_id', '=', contractId)
    .orderBy('revision', 'desc')
    .execute();
  return rows.map((r) => ({
    revision: r.revision,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
    note: r.note,
  }));
}
