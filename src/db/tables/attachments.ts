import type { ColumnType, Generated } from 'kysely';

// Attachments (添付ファイル, evidence files): metadata and bytes in separate tables, so that a
// listing never reads file contents.

export interface AttachmentsTable {
  id: Generated<string>;
  organisation_id: string;
  ward_id: string | null;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  purpose: string;
  /** Null for a copy a company's contact uploaded through a one-time link (回答用リンク). */
  uploaded_by: string | null;
  /** Set from the use case's clock (not now()), so cursors keep millisecond precision. */
  uploaded_at: ColumnType<Date, Date | string, never>;
}

export interface AttachmentBlobsTable {
  attachment_id: string;
  /** bytea: pg returns a Node Buffer, which is a Uint8Array. */
  data: ColumnType<Uint8Array, Uint8Array, never>;
}

export interface AttachmentTables {
  attachments: AttachmentsTable;
  attachment_blobs: AttachmentBlobsTable;
}
