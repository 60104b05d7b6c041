import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { GENESIS_HASH, hashAuditFields } from './audit-hash.js';

export interface ChainBreak {
  chainKey: string;
  seq: string;
  reason: 'hash-mismatch' | 'broken-link' | 'gap' | 'head-mismatch';
}

export interface ChainReport {
  chains: number;
  entries: number;
  breaks: ChainBreak[];
}

const PAGE = 1000;

/** Recomputes every chain from its first entry and reports each place where it does not hold. */
export async function verifyAuditChains(db: Kysely<Database>): Promise<ChainReport> {
  const heads = await db.selectFrom('audit_heads').selectAll().orderBy('chain_key').execute();
  const report: ChainReport = { chains: heads.length, entries: 0, breaks: [] };
  for (const head of heads) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let lastSeq = 0n;
    let after = '0';
    for (;;) {
      const rows = await db
        .selectFrom('audit_entries')
        .selectAll()
        .where('tenant_ward_id', '=', head.tenant_ward_id)
        .where('chain_key', '=', head.chain_key)
        .where('seq', '>', after as never)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      for (const row of rows) {
        report.entries++;
        const seq = BigInt(row.seq);
        if (seq !== expectedSeq)
          report.breaks.push({ chainKey: head.chain_key, seq: row.seq, reason: 'gap' });
        if (row.prev_hash !== prevHash) {
          report.breaks.push({ chainKey: head.chain_key, seq: row.seq, reason: 'broken-link' });
        }
        const hash = await hashAuditFields({
          chainKey: row.chain_key,
          seq: row.seq,
          wardId: row.ward_id,
          at: row.at.toISOString(),
          actorUserId: row.actor_user_id,
          actorOrgId: row.actor_org_id,
          action: row.action,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          before: row.before,
          after: row.after,
          requestId: row.request_id,
          prevHash: row.prev_hash,
        });
        if (hash !== row.hash)
          report.breaks.push({ chainKey: head.chain_key, seq: row.seq, reason: 'hash-mismatch' });
        prevHash = row.hash;
        expectedSeq = seq + 1n;
        lastSeq = seq;
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.seq;
    }
    // A head that disagrees with the last entry means entries were removed from the end.
    if (BigInt(head.last_seq) !== lastSeq || head.last_hash !== prevHash) {
      report.breaks.push({ chainKey: head.chain_key, seq: String(head.last_seq), reason: 'head-mismatch' });
    }
  }
  return report;
}
