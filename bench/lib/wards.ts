import type pg from 'pg';
import { companyEmail, wardEmail } from '../data/scale.js';

// Generated wards by number (ベンチ第n区), and the sign-in addresses of their people.

export interface BenchWard {
  n: number;
  id: string;
}

export async function benchWards(pool: pg.Pool): Promise<BenchWard[]> {
  const rows = await pool.query(
    `select id, name from organisations where kind = 'ward' and name like 'ベンチ第%区'`,
  );
  return rows.rows
    .map((r) => ({ n: Number(/ベンチ第(\d+)区/.exec(r.name)?.[1]), id: r.id as string }))
    .sort((a, b) => a.n - b.n);
}

/** A function giving a ward staff member's address from the ward's id. */
export async function wardEmailResolver(pool: pg.Pool) {
  const byId = new Map((await benchWards(pool)).map((w) => [w.id, w.n]));
  return async (wardId: string, local: string) => {
    const n = byId.get(wardId);
    if (n === undefined) throw new Error(`not a generated ward: ${wardId}`);
    return wardEmail(n, local);
  };
}

export const emails = {
  officer: (n: number) => wardEmail(n, 'officer'),
  council: (n: number) => wardEmail(n, 'council'),
  /** The first national company's manager: engagements in every ward. */
  nationalContractor: companyEmail('national-1', 'manager'),
  /** A company of ward 1 only, holding contracts of its own (w1-contractor-1 only sub-contracts). */
  localContractor: companyEmail('w1-contractor-2', 'manager'),
};
