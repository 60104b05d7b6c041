import type { Kysely } from 'kysely';
import type { Crosswalk, RuleFacts } from '../../../forms/controls-crosswalk/index.js';
import type { Database } from '../../db/database.js';
import { toJapanDate } from '../shared/japan-date.js';

// The evidence in the records, counted in SQL for a set of contract chains (a contract and its
// sub-contracts): one query per kind of record for all of them, then the figures of each rule per
// chain. Which contracts are asked about was decided by the caller with the rules in SQL.

/** A contract as the rules read it. */
export interface EvidenceContract {
  id: string;
  parentContractId: string | null;
  contractorOrgId: string;
  status: string;
  selectionMethod: string | null;
  registerRevision: number;
}

/** A root contract and every contract of its chain (the root first). */
export interface EvidenceChain {
  root: EvidenceContract;
  members: EvidenceContract[];
}

const IN_FORCE = ['active', 'ending'];
const ENDED = ['ending', 'closed'];
const RECEIVED = ['received', 'signed_off'];

/** Every figure the crosswalk's rules need, per root contract. */
export async function gatherEvidence(
  db: Kysely<Database>,
  wardId: string,
  chains: EvidenceChain[],
  crosswalk: Crosswalk,
  now: Date,
): Promise<Map<string, RuleFacts>> {
  const ids = chains.flatMap((c) => c.members.map((m) => m.id));
  const result = new Map<string, RuleFacts>();
  if (!ids.length) return result;
  const today = toJapanDate(now);
  const inspectionCutoff = new Date(now.getTime() - crosswalk.inspectionWithinDays * 86_400_000);
  const records = await readRecords(db, wardId, ids, today, inspectionCutoff);

  for (const chain of chains) {
    const { root } = chain;
    // a sub-contract still in draft (applied for, not approved) is not yet part of the work
    const members = chain.members.filter((m) => m.id === root.id || m.status !== 'draft');
    const subs = members.filter((m) => m.id !== root.id);
    const memberIds = new Set(members.map((m) => m.id));
    const inChain = <T extends { contract_id: string }>(rows: T[]) =>
      rows.filter((r) => memberIds.has(r.contract_id));
    const approved = inChain(records.approvals);
    const provisions = inChain(records.provisions);
    const lists = latestLists(inChain(records.submissions));
    const acknowledged = lists.filter((l) => l.status === 'acknowledged').map((l) => l.id);
    const entries = records.entries.filter((e) => acknowledged.includes(e.submission_id));
    const inspected = inChain(records.inspections);
    const inForce = members.filter((m) => IN_FORCE.includes(m.status));
    const findings = inChain(records.findings);
    const reports = inChain(records.reports);
    const incidents = inChain(records.incidents);
    const erasures = inChain(records.erasures);
    const cycle = records.cycles.get(root.id);
    const openReview = records.openReviews.get(root.id);
    const onTime = (i: { reported_at: Date; discovered_at: Date }) =>
      i.reported_at.getTime() - i.discovered_at.getTime() <= crosswalk.incidentReportHours * 3_600_000;

    result.set(root.id, {
      'selection-recorded': { applies: true, need: 1, have: root.selectionMethod?.trim() ? 1 : 0 },
      'delegation-approved': {
        applies: true,
        need: 1,
        have: approved.some((a) => a.kind === 'delegation' && a.contract_id === root.id) ? 1 : 0,
      },
      'register-recorded': {
        applies: true,
        need: members.length,
        have: members.filter((m) => m.registerRevision > 0).length,
      },
      'provisions-attached': { applies: true, need: members.length, have: provisions.length },
      'flow-down-accepted': {
        applies: subs.length > 0,
        need: subs.length,
        have: subs.filter((s) => provisions.some((p) => p.contract_id === s.id && p.accepted_at)).length,
      },
      'subcontracts-approved': {
        applies: subs.length > 0,
        need: subs.length,
        have: subs.filter((s) => approved.some((a) => a.kind === 'subdelegation' && a.contract_id === s.id))
          .length,
      },
      'handler-list-acknowledged': {
        applies: true,
        need: members.length,
        have: members.filter((m) =>
          lists.some(
            (l) =>
              l.contract_id === m.id &&
              l.organisation_id === m.contractorOrgId &&
              l.status === 'acknowledged',
          ),
        ).length,
      },
      'pledges-recorded': {
        applies: entries.length > 0,
        need: entries.length,
        have: entries.filter((e) => e.pledged).length,
      },
      'training-recorded': {
        applies: entries.length > 0,
        need: entries.length,
        have: entries.filter((e) => e.trained).length,
      },
      'inspection-within-year': {
        applies: IN_FORCE.includes(root.status),
        need: inForce.length,
        have: inForce.filter((m) =>
          inspected.some(
            (i) =>
              i.organisation_id === m.contractorOrgId &&
              (i.contract_id === m.id || i.contract_id === root.id),
          ),
        ).length,
      },
      'findings-on-time': {
        applies: findings.length > 0,
        need: findings.length,
        have: findings.filter((f) => !(f.status === 'open' && f.due_on < today)).length,
      },
      'compliance-reports-received': {
        applies: reports.length > 0,
        need: reports.length,
        have: reports.filter((r) => RECEIVED.includes(r.status)).length,
      },
      'incidents-reported-on-time': {
        applies: incidents.length > 0,
        need: incidents.length,
        have: incidents.filter(onTime).length,
      },
      'erasure-certified': {
        applies: ENDED.includes(root.status),
        need: Math.max(1, erasures.length),
        have: erasures.filter((e) => e.status === 'certified').length,
      },
      'review-cycle-current': {
        applies: root.status === 'active',
        need: 1,
        have: cycle != null && !(openReview && openReview < today) ? 1 : 0,
      },
    });
  }
  return result;
}

/** The latest handler list of each company on each contract. */
function latestLists<T extends { contract_id: string; organisation_id: string; submitted_at: Date }>(
  rows: T[],
): T[] {
  const latest = new Map<string, T>();
  for (const r of rows) {
    const key = `${r.contract_id}/${r.organisation_id}`;
    const seen = latest.get(key);
    if (!seen || seen.submitted_at < r.submitted_at) latest.set(key, r);
  }
  return [...latest.values()];
}

async function readRecords(
  db: Kysely<Database>,
  wardId: string,
  ids: string[],
  today: string,
  inspectedSince: Date,
) {
  const [
    approvals,
    provisions,
    submissions,
    inspections,
    findings,
    reports,
    incidents,
    erasures,
    cycles,
    open,
  ] = await Promise.all([
    db
      .selectFrom('approvals')
      .select(['contract_id', 'kind'])
      .where('ward_id', '=', wardId)
      .where('contract_id', 'in', ids)
      .where('status', '=', 'approved')
      .execute(),
    db
      .selectFrom('contract_provisions')
      .select(['contract_id', 'accepted_at'])
      .where('ward_id', '=', wardId)
      .where('contract_id', 'in', ids)
      .execute(),
    db
      .selectFrom('handler_list_submissions')
      .select(['id', 'contract_id', 'organisation_id', 'status', 'submitted_at'])
      .where('ward_id', '=', wardId)
      .where('contract_id', 'in', ids)
      .execute(),
    db
      .selectFrom('inspections')
      .select(['contract_id', 'organisation_id'])
      .where('ward_id', '=', wardId)
      .where('contract_id', 'in', ids)
      .where('status', '=', 'signed_off')
      .where('signed_off_at', '>=', inspectedSince)
      .execute(),
    db
      .selectFrom('inspection_findings as f')
      .innerJoin('inspections as i', (j) =>
        j.onRef('i.ward_id', '=', 'f.ward_id').onRef('i.id', '=', 'f.inspection_id'),
      )
      .select(['i.contract_id', 'f.status', 'f.due_on'])
      .where('f.ward_id', '=', wardId)
      .where('i.contract_id', 'in', ids)
      .where('f.status', '<>', 'withdrawn')
      .execute(),
    db
      .selectFrom('compliance_reports')
      .select(['contract_id', 'status'])
      .where('ward_id', '=', wardId)
      .where('contract_id', 'in', ids)
      .where('due_on', '<', today)
      .execute(),
    db
      .selectFrom('incidents')
      .select(['contract_id', 'reported_at', 'discovered_at'])
      .where('ward_id', '=', wardId)
      .where('contract_id', 'in', ids)
      .execute(),
    db
      .selectFrom('erasure_records')
      .select(['contract_id', 'status'])
      .where('ward_id', '=', wardId)
      .where('contract_id', 'in', ids)
      .execute(),
    db
      .selectFrom('contract_review_cycles')
      .select(['contract_id', 'interval_months'])
      .where('ward_id', '=', wardId)
      .where('contract_id', 'in', ids)
      .where('interval_months', 'is not', null)
      .execute(),
    db
      .selectFrom('contract_reviews')
      .select(['contract_id', 'due_on'])
      .where('ward_id', '=', wardId)
      .where('contract_id', 'in', ids)
      .where('status', '=', 'due')
      .execute(),
  ]);
  const latest = latestLists(submissions).filter((s) => s.status === 'acknowledged');
  const entries = latest.length
    ? await db
        .selectFrom('handler_list_entries as e')
        .select((eb) => [
          'e.submission_id',
          'e.handler_id',
          eb
            .exists(
              eb
                .selectFrom('handler_pledges as p')
                .select('p.id')
                .whereRef('p.handler_id', '=', 'e.handler_id'),
            )
            .as('pledged'),
          eb
            .exists(
              eb
                .selectFrom('handler_trainings as t')
                .select('t.id')
                .whereRef('t.handler_id', '=', 'e.handler_id'),
            )
            .as('trained'),
        ])
        .where('e.ward_id', '=', wardId)
        .where(
          'e.submission_id',
          'in',
          latest.map((s) => s.id),
        )
        .where((eb) => eb.or([eb('e.effective_to', 'is', null), eb('e.effective_to', '>=', today)]))
        .execute()
    : [];
  return {
    approvals,
    provisions,
    submissions,
    entries,
    inspections,
    findings,
    reports,
    incidents,
    erasures,
    cycles: new Map(cycles.map((c) => [c.contract_id, c.interval_months])),
    openReviews: new Map(open.map((o) => [o.contract_id, o.due_on])),
  };
}
