import { sql } from 'kysely';
import type { Tx } from './context.js';
import { fiscalYearOf } from './wareki.js';

// Human numbers (整理番号) of records: 令和 year of the fiscal year (Japan time) + kind + 4 digits,
// counted per ward per fiscal year: R8-受渡-0012, R8-再委託-0003, R8-委託-0001.

export type NumberedKind = 'package' | 'delegation' | 'subdelegation';

const LABEL: Record<NumberedKind, string> = {
  package: '受渡',
  delegation: '委託',
  subdelegation: '再委託',
};

/** The fiscal year (starting Western year) of an instant, in Japan time. */
export function fiscalYearInJapan(at: Date): number {
  return fiscalYearOf(new Date(at.getTime() + 9 * 3600_000).toISOString());
}

export function formatRecordNumber(kind: NumberedKind, fiscalYear: number, n: number): string {
  return `R${fiscalYear - 2018}-${LABEL[kind]}-${String(n).padStart(4, '0')}`;
}

/**
 * Takes the next number in the transaction that creates the record: the upsert locks the
 * counter row, so a concurrent creation waits and gets the following number.
 */
export async function allocateRecordNumber(
  tx: Tx,
  wardId: string,
  kind: NumberedKind,
  at: Date,
): Promise<string> {
  const fiscalYear = fiscalYearInJapan(at);
  const row = await sql<{ last: number }>`
    insert into record_number_counters (ward_id, fiscal_year, kind, last)
    values (${wardId}, ${fiscalYear}, ${kind}, 1)
    on conflict (ward_id, fiscal_year, kind)
    do update set last = record_number_counters.last + 1
    returning last
  `.execute(tx);
  return formatRecordNumber(kind, fiscalYear, Number(row.rows[0]!.last));
}
