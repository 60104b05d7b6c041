import type pg from 'pg';
import { GENESIS_HASH, hashAuditFields } from '../../src/domain/audit/audit-hash.js';
import { percentile } from '../lib/load.js';

// What appendAuditEntry sends for one entry, as raw pg: make sure the ward's chain head exists,
// lock it, hash the entry with the product's hashAuditFields, insert it and move the head.

export interface RawAuditEntry {
  wardId: string;
  actorUserId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  at: Date;
}

export const BASELINE_REQUEST_ID = 'bench-pg-baseline';

export async function appendAuditRaw(client: pg.PoolClient, e: RawAuditEntry): Promise<void> {
  const chainKey = e.wardId;
  await client.query(
    `insert into audit_heads (tenant_ward_id, chain_key, last_seq, last_hash) values ($1, $2, 0, $3)
     on conflict (tenant_ward_id, chain_key) do nothing`,
    [e.wardId, chainKey, GENESIS_HASH],
  );
  const head = (
    await client.query(
      'select last_seq, last_hash from audit_heads where tenant_ward_id = $1 and chain_key = $2 for update',
      [e.wardId, chainKey],
    )
  ).rows[0];
  const seq = (BigInt(head.last_seq) + 1n).toString();
  const hash = await hashAuditFields({
    chainKey,
    seq,
    wardId: e.wardId,
    at: e.at.toISOString(),
    actorUserId: e.actorUserId,
    actorOrgId: e.wardId,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    before: e.before,
    after: e.after,
    requestId: BASELINE_REQUEST_ID,
    prevHash: head.last_hash,
  });
  await client.query(
    `insert into audit_entries (tenant_ward_id, chain_key, seq, ward_id, at, actor_user_id, actor_org_id, action,
       subject_type, subject_id, before, after, request_id, prev_hash, hash)
     values ($3, $1, $2::bigint, $3, $4, $5, $3, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      chainKey,
      seq,
      e.wardId,
      e.at,
      e.actorUserId,
      e.action,
      e.subjectType,
      e.subjectId,
      JSON.stringify(e.before),
      JSON.stringify(e.after),
      BASELINE_REQUEST_ID,
      head.last_hash,
      hash,
    ],
  );
  await client.query(
    'update audit_heads set last_seq = $2, last_hash = $3 where tenant_ward_id = $4 and chain_key = $1',
    [chainKey, seq, hash, e.wardId],
  );
}

export interface TransitionResult {
  transactions: number;
  seconds: number;
  tps: number;
  p50: number;
  p99: number;
  /** Jobs whose row was not in the expected state (none when the jobs are distinct and fresh). */
  conflicts: number;
}

/** Runs `work` once per job, `concurrency` transactions at a time; `work` says whether it applied. */
export async function runTransactions<J>(
  pool: pg.Pool,
  jobs: J[],
  concurrency: number,
  work: (client: pg.PoolClient, job: J) => Promise<boolean>,
): Promise<TransitionResult> {
  const latencies: number[] = [];
  let conflicts = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    const client = await pool.connect();
    try {
      for (let i = next++; i < jobs.length; i = next++) {
        const t0 = performance.now();
        await client.query('begin');
        try {
          const applied = await work(client, jobs[i]!);
          await client.query(applied ? 'commit' : 'rollback');
          if (applied) latencies.push(performance.now() - t0);
          else conflicts++;
        } catch (error) {
          await client.query('rollback');
          throw error;
        }
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    transactions: latencies.length,
    seconds: Math.round(seconds * 100) / 100,
    tps: Math.round((latencies.length / seconds) * 10) / 10,
    p50: Math.round(percentile(latencies, 0.5) * 100) / 100,
    p99: Math.round(percentile(latencies, 0.99) * 100) / 100,
    conflicts,
  };
}

/** The ward's user holding `role`, per ward. */
export async function usersByWard(
  pool: pg.Pool,
  role: string,
  wardIds: string[],
): Promise<Map<string, string>> {
  const rows = await pool.query(
    `select ward_id, id from users where roles = array[$1] and ward_id = any($2::uuid[])`,
    [role, wardIds],
  );
  return new Map(rows.rows.map((r) => [r.ward_id, r.id]));
}
