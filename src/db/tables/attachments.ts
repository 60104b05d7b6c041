// Attachment tables (filled in by the attachments feature).
export interface AttachmentTables {}
