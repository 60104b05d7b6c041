import type pg from 'pg';
import { type PendingApproval, runPgTransitions, type TransitionResult } from '../baseline/pg-transition.js';
import { type LoadResult, runLoad } from '../lib/load.js';
import { type Session, signIn } from '../lib/server.js';

// Writes: sub-contracting applications under review are signed 担当者 → 係長 → 課長 through the API,
// one phase per signer, many distinct applications in flight at once (they never conflict with each
// other, only queue on their ward's audit chain head, as real sign-offs do). The raw-pg baseline runs
// the officer's step on other applications. Afterwards every application is checked: its version,
// steps and audit entries must account for exactly the answers the clients saw (no lost update).

export interface WriteSettings {
  baselineCount: number;
  httpCount: number;
  connections: number;
  /** The applications are taken from at most this many wards (each needs three sign-ins). */
  maxWards: number;
  password: string;
}

export interface WriteResult {
  wards: number;
  baseline: TransitionResult;
  phases: Array<LoadResult & { role: string }>;
  check: {
    acknowledged: number;
    applied: number;
    lostUpdates: number;
    unacknowledgedApplied: number;
    versionsWrong: number;
    auditEntriesWrong: number;
    approvedWithoutAccess: number;
    baselineWrong: number;
  };
}

const ROLES = [
  ['ward_officer', 'officer'],
  ['ward_chief', 'chief'],
  ['ward_manager', 'manager'],
] as const;

async function pendingApprovals(pool: pg.Pool, count: number, maxWards: number): Promise<PendingApproval[]> {
  const rows = await pool.query(
    `with wards as (
       select ward_id from approvals where status = 'under_review' and step = 0 and kind = 'subdelegation'
       group by ward_id order by count(*) desc, ward_id limit $2
     )
     select id, ward_id, version from (
       select a.id, a.ward_id, a.version, row_number() over (partition by a.ward_id order by a.created_at, a.id) as rn
       from approvals a join wards w on w.ward_id = a.ward_id
       where a.status = 'under_review' and a.step = 0 and a.kind = 'subdelegation'
     ) x order by rn, ward_id limit $1`,
    [count, maxWards],
  );
  if (rows.rows.length < count)
    throw new Error(`only ${rows.rows.length} applications under review, ${count} needed`);
  return rows.rows.map((r) => ({ id: r.id, wardId: r.ward_id, version: r.version }));
}

export async function measureWrites(
  base: string,
  databaseUrl: string,
  pool: pg.Pool,
  wardEmailOf: (wardId: string, local: string) => Promise<string>,
  settings: WriteSettings,
): Promise<WriteResult> {
  const all = await pendingApprovals(pool, settings.baselineCount + settings.httpCount, settings.maxWards);
  // ordered round-robin over the wards, so both sets spread over all of them
  const baselineSet = all.slice(0, settings.baselineCount);
  const httpSet = all.slice(settings.baselineCount);

  const baseline = await runPgTransitions(databaseUrl, baselineSet, settings.connections);

  const wardIds = [...new Set(httpSet.map((a) => a.wardId))];
  const tokens = new Map<string, Session>();
  for (const wardId of wardIds)
    for (const [role, local] of ROLES)
      tokens.set(
        `${wardId}/${role}`,
        await signIn(base, await wardEmailOf(wardId, local), settings.password),
      );

  const phases: WriteResult['phases'] = [];
  for (const [step, [role]] of ROLES.entries()) {
    const result = await runLoad({
      label: `sign-off ${role}`,
      base,
      connections: settings.connections,
      amount: httpSet.length,
      requests: httpSet.map((a) => ({
        method: 'POST',
        path: `/api/v1/approvals/${a.id}/approve`,
        headers: {
          authorization: `Bearer ${tokens.get(`${a.wardId}/${role}`)!.accessToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ version: a.version + step, comment: `${role} 承認（負荷試験）` }),
      })),
    });
    phases.push({ ...result, role });
  }
  return {
    wards: wardIds.length,
    baseline,
    phases,
    check: await checkWrites(pool, httpSet, baselineSet, phases),
  };
}

/** Compares what the clients were told (200s) with what the database holds, application by application. */
async function checkWrites(
  pool: pg.Pool,
  httpSet: PendingApproval[],
  baselineSet: PendingApproval[],
  phases: LoadResult[],
): Promise<WriteResult['check']> {
  const acknowledged = phases.reduce((n, p) => n + (p.status['200'] ?? 0), 0);
  const rows = await pool.query(
    `select a.id, a.version, a.status, c.contractor_access,
       (select count(*)::int from approval_steps s where s.ward_id = a.ward_id and s.approval_id = a.id) as steps,
       (select count(*)::int from audit_entries e where e.subject_type = 'Approval' and e.subject_id = a.id::text
          and e.action = 'approval.approve') as audits,
       (select count(*)::int from council_report_items i where i.ward_id = a.ward_id and i.approval_id = a.id) as items
     from approvals a join contracts c on c.ward_id = a.ward_id and c.id = a.contract_id where a.id = any($1)`,
    [[...httpSet, ...baselineSet].map((a) => a.id)],
  );
  const byId = new Map(rows.rows.map((r) => [r.id, r]));
  let applied = 0;
  let versionsWrong = 0;
  let auditEntriesWrong = 0;
  let approvedWithoutAccess = 0;
  for (const a of httpSet) {
    const r = byId.get(a.id)!;
    const moves = r.version - a.version;
    applied += moves;
    // 2 steps existed (submit, start-review); each applied sign-off adds one step and one audit entry
    if (r.steps !== 2 + moves) versionsWrong++;
    if (r.audits !== moves) auditEntriesWrong++;
    if (moves === 3 && (r.status !== 'approved' || !r.contractor_access || r.items !== 1))
      approvedWithoutAccess++;
  }
  const baselineWrong = baselineSet.filter((a) => {
    const r = byId.get(a.id)!;
    return r.version !== a.version + 1 || r.steps !== 3 || r.audits !== 1;
  }).length;
  return {
    acknowledged,
    applied,
    lostUpdates: Math.max(0, acknowledged - applied),
    unacknowledgedApplied: Math.max(0, applied - acknowledged),
    versionsWrong,
    auditEntriesWrong,
    approvedWithoutAccess,
    baselineWrong,
  };
}
