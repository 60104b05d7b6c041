import pg from 'pg';
import { appendAuditRaw, runTransactions, type TransitionResult, usersByWard } from './pg-audit.js';

// Baseline for the sign-off benchmark: the SQL statements of one sign-off step (actOnApproval, the
// officer's approval of step 0) sent straight through pg, with no HTTP, no token, no JSON schema, no
// policy and no state machine: lock the row, check the version, update it, append the step, read
// it back, and append the audit entry to the ward's hash chain.

export interface PendingApproval {
  id: string;
  wardId: string;
  version: number;
}

async function signStep(
  client: pg.PoolClient,
  approval: PendingApproval,
  officerId: string,
): Promise<boolean> {
  const before = (await client.query('select * from approvals where id = $1 for update', [approval.id]))
    .rows[0];
  if (!before || before.version !== approval.version || before.status !== 'under_review' || before.step !== 0)
    return false;
  const now = new Date();
  await client.query(
    'update approvals set status = $1, step = $2, updated_at = $3, version = $4 where ward_id = $5 and id = $6',
    ['under_review', 1, now, before.version + 1, before.ward_id, approval.id],
  );
  const last = await client.query(
    'select coalesce(max(seq), 0) as max from approval_steps where ward_id = $1 and approval_id = $2',
    [before.ward_id, approval.id],
  );
  await client.query(
    `insert into approval_steps (ward_id, approval_id, seq, role, decision, comment, user_id, at)
     values ($1, $2, $3, 'ward_officer', 'approve', null, $4, $5)`,
    [before.ward_id, approval.id, Number(last.rows[0].max) + 1, officerId, now],
  );
  const after = (await client.query('select * from approvals where id = $1', [approval.id])).rows[0];
  await appendAuditRaw(client, {
    wardId: before.ward_id,
    actorUserId: officerId,
    action: 'approval.approve',
    subjectType: 'Approval',
    subjectId: approval.id,
    before: { status: before.status, step: before.step, version: before.version },
    after: {
      status: after.status,
      step: after.step,
      version: after.version,
      role: 'ward_officer',
      comment: null,
    },
    at: now,
  });
  return true;
}

/** Signs step 0 of every approval given, `concurrency` transactions at a time. */
export async function runPgTransitions(
  databaseUrl: string,
  approvals: PendingApproval[],
  concurrency: number,
): Promise<TransitionResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency });
  try {
    const officers = await usersByWard(pool, 'ward_officer', [...new Set(approvals.map((a) => a.wardId))]);
    return await runTransactions(pool, approvals, concurrency, (client, a) =>
      signStep(client, a, officers.get(a.wardId)!),
    );
  } finally {
    await pool.end();
  }
}

export type { TransitionResult };
