import { createDatabase } from '../../src/db/create-database.js';
import { GENESIS_HASH, hashAuditFields } from '../../src/domain/audit/audit-hash.js';
import { verifyAuditChains } from '../../src/domain/audit/verify-audit-chain.js';

/** Every audit chain recomputed by the product's own verifier (npm run audit:verify does the same). */
export async function verifyChains(databaseUrl: string) {
  const handle = await createDatabase({ databaseUrl, poolSize: 1 });
  try {
    const started = performance.now();
    const report = await verifyAuditChains(handle.db);
    return {
      scope: 'all chains (verifyAuditChains)',
      chains: report.chains,
      entries: report.entries,
      breaks: report.breaks.slice(0, 20),
      breakCount: report.breaks.length,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await handle.close();
  }
}

/**
 * Some chains only, recomputed entry by entry with the product's hash: at 50 wards the whole trail
 * (millions of entries) takes the product's verifier longer than the rest of the run, so the run
 * checks the global chain, the first and the last ward's, and `npm run audit:verify` is run on its
 * own (RESULTS.md gives its time).
 */
export async function verifySomeChains(databaseUrl: string, chainKeys: string[]) {
  const handle = await createDatabase({ databaseUrl, poolSize: 1 });
  const started = performance.now();
  let entries = 0;
  const breaks: Array<{ chainKey: string; seq: string; reason: string }> = [];
  try {
    for (const chainKey of chainKeys) {
      const head = await handle.db
        .selectFrom('audit_heads')
        .selectAll()
        .where('chain_key', '=', chainKey)
        .executeTakeFirst();
      if (!head) continue;
      let prevHash = GENESIS_HASH;
      let expected = 1n;
      let after = '0';
      for (;;) {
        const rows = await handle.db
          .selectFrom('audit_entries')
          .selectAll()
          .where('chain_key', '=', chainKey)
          .where('seq', '>', after as never)
          .orderBy('seq')
          .limit(5000)
          .execute();
        for (const row of rows) {
          entries++;
          if (BigInt(row.seq) !== expected) breaks.push({ chainKey, seq: row.seq, reason: 'gap' });
          if (row.prev_hash !== prevHash) breaks.push({ chainKey, seq: row.seq, reason: 'broken-link' });
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
          if (hash !== row.hash) breaks.push({ chainKey, seq: row.seq, reason: 'hash-mismatch' });
          prevHash = row.hash;
          expected = BigInt(row.seq) + 1n;
        }
        if (rows.length < 5000) break;
        after = rows[rows.length - 1]!.seq;
      }
      if (head.last_hash !== prevHash || BigInt(head.last_seq) !== expected - 1n)
        breaks.push({ chainKey, seq: String(head.last_seq), reason: 'head-mismatch' });
    }
    return {
      scope: `chains ${chainKeys.join(', ')}`,
      chains: chainKeys.length,
      entries,
      breaks: breaks.slice(0, 20),
      breakCount: breaks.length,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await handle.close();
  }
}
