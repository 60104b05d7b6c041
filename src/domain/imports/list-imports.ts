import { accessibleBy, type FieldMap } from '../../../policies/rules-to-sql.js';
import { timeCursor } from '../inspections/read-inspections.js';
import type { UseCaseContext } from '../shared/context.js';
import { after, type Page, toPage } from '../shared/pagination.js';
import type { ImportKind } from './import-templates.js';

export interface ImportRecord {
  id: string;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  rowCount: number;
  recordCount: number;
  importedBy: string | null;
  importedByName: string | null;
  importedAt: Date;
}

const importFields: FieldMap = { wardId: 'imports.ward_id' };

/** The imports the actor may read (its ward's, for those who import), newest first; rules in SQL. */
export async function listImports(
  ctx: UseCaseContext,
  query: { cursor?: string; limit: number },
): Promise<Page<ImportRecord>> {
  let q = ctx.db
    .selectFrom('imports')
    .leftJoin('users', 'users.id', 'imports.imported_by')
    .select([
      'imports.id',
      'imports.kind',
      'imports.file_name',
      'imports.sha256',
      'imports.row_count',
      'imports.record_count',
      'imports.imported_by',
      'imports.imported_at',
      'users.display_name',
    ])
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Import', importFields));
  if (query.cursor) {
    const [at, id] = timeCursor(query.cursor);
    q = q.where((eb) => after(eb, ['imports.imported_at', 'imports.id'], [at, id], 'desc'));
  }
  const rows = await q
    .orderBy('imports.imported_at', 'desc')
    .orderBy('imports.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(
    rows,
    query.limit,
    (r) => [r.imported_at.toISOString(), r.id],
    (r) => ({
      id: r.id,
      kind: r.kind,
      fileName: r.file_name,
      sha256: r.sha256,
      rowCount: r.row_count,
      recordCount: r.record_count,
      importedBy: r.imported_by,
      importedByName: r.display_name,
      importedAt: r.imported_at,
    }),
  );
}
