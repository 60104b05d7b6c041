import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';
import { applicationTables, keyOrder } from '../domain/backup/table-snapshot.js';

// Every table as CSV (UTF-8 with BOM, RFC 4180 quoting) plus a manifest with row counts and
// SHA-256 — the general format seed 001 4.1.1 asks for when data goes to the next contractor.

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

export interface ExportManifest {
  exportedAt: string;
  tables: Array<{ table: string; file: string; rows: number; sha256: string }>;
}

export async function exportTables(
  db: Kysely<Database>,
  out: string,
  now = new Date(),
): Promise<ExportManifest> {
  await mkdir(out, { recursive: true });
  const manifest: ExportManifest = { exportedAt: now.toISOString(), tables: [] };
  for (const table of await applicationTables(db)) {
    // By primary key: the hash then depends on the content only, not on how the rows are stored.
    const order = await keyOrder(db, table);
    const rows = await sql<
      Record<string, unknown>
    >`select t.* from ${sql.table(table)} t order by ${order}`.execute(db);
    const columns = rows.rows[0] ? Object.keys(rows.rows[0]) : [];
    const lines = [
      columns.map(csvCell).join(','),
      ...rows.rows.map((r) => columns.map((c) => csvCell(r[c])).join(',')),
    ];
    const body = `\uFEFF${lines.join('\r\n')}\r\n`;
    const file = `${table}.csv`;
    await writeFile(join(out, file), body, 'utf8');
    manifest.tables.push({
      table,
      file,
      rows: rows.rows.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
  }
  await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
