import type { Context } from 'hono';
import { type CsvCell, toCsv } from '../../../domain/shared/csv.js';
import type { Page } from '../../../domain/shared/pagination.js';
import type { AppEnv } from '../../app-env.js';
import type { PageCtx } from '../page-context.js';

/** At most this many rows in one CSV export (about 2 MB); the file says so when there are more. */
export const CSV_LIMIT = 5000;

/**
 * Every row of a list for its CSV, page by page through the list's own use case (so the rules and
 * filters stay in SQL), up to CSV_LIMIT; `capped` when there were more.
 */
export async function allRows<T>(
  fetch: (cursor: string | undefined) => Promise<Page<T>>,
): Promise<{ rows: T[]; capped: boolean }> {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < CSV_LIMIT);
  return { rows: rows.slice(0, CSV_LIMIT), capped: cursor !== undefined || rows.length > CSV_LIMIT };
}

/** The CSV file for Excel (UTF-8 with BOM), named in ASCII and in Japanese, never cached. */
export function csvResponse(
  c: Context<AppEnv>,
  p: PageCtx,
  lines: CsvCell[][],
  capped: boolean,
  name: { ascii: string; ja: string },
) {
  if (capped) lines.push([], [p.t.common.csvCapped(CSV_LIMIT)]);
  return c.body(toCsv(lines), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.ja)}`,
    'cache-control': 'no-store',
  });
}
