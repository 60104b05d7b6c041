import { expect } from 'vitest';
import { parseCsv } from '../../src/domain/imports/read-csv.js';

/**
 * A downloaded CSV read back as Excel would: it starts with the UTF-8 BOM, and its cells hold no
 * ISO date or time (2026-12-07, 2026-12-07T02:17:51Z) — instants are Japan time `YYYY/MM/DD HH:mm`,
 * dates `YYYY/MM/DD`. Returns the rows (the headings first) without the trailing empty line.
 */
export function readCsv(answer: { status: number; bytes: Uint8Array; headers: Headers }): string[][] {
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect([...answer.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(answer.bytes).replace(/\r\n$/, '');
  const rows = parseCsv(text).map((r) => r.cells);
  const iso = rows.flat().filter((cell) => /\d{4}-\d{2}-\d{2}/.test(cell));
  expect(iso, 'ISO dates in the CSV').toEqual([]);
  return rows;
}

/** A Japan-time instant as the CSVs write it. */
export const CSV_INSTANT = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/;
/** A calendar date as the CSVs write it. */
export const CSV_DATE = /^\d{4}\/\d{2}\/\d{2}$/;
