import type { Kysely } from 'kysely';

// Attachments (evidence files). Filled in by the attachments feature.
export async function up(_db: Kysely<any>): Promise<void> {}
export async function down(_db: Kysely<any>): Promise<void> {}
