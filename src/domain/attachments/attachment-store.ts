import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tx } from '../shared/context.js';

/**
 * Where the bytes of attachments (添付ファイル) live, apart from their metadata. The database
 * implementation below keeps them in `attachment_blobs`; an object store (S3, R2) can replace it
 * behind this interface. Such a store cannot join the transaction: it should write the object
 * under the attachment id in `put` (an object left behind by a rolled-back upload is unreachable,
 * since no metadata row points at it) and may ignore `tx`.
 */
export interface AttachmentStore {
  /** Stores the bytes of one attachment, inside the upload's transaction where the store can. */
  put(tx: Tx, id: string, bytes: Uint8Array): Promise<void>;
  /** The bytes of one attachment, or undefined when none are stored. */
  get(db: Kysely<Database>, id: string): Promise<Uint8Array | undefined>;
}

/** Keeps the bytes as bytea in PostgreSQL (or PGlite): one backup holds records and evidence. */
export const databaseAttachmentStore: AttachmentStore = {
  async put(tx, id, bytes) {
    await tx.insertInto('attachment_blobs').values({ attachment_id: id, data: bytes }).execute();
  },
  async get(db, id) {
    const row = await db
      .selectFrom('attachment_blobs')
      .select('data')
      .where('attachment_id', '=', id)
      .executeTakeFirst();
    return row?.data;
  },
};
