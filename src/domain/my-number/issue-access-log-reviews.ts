import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { AccessLogReviewInterval } from '../../db/tables/access-log-reviews.js';
import { appendAuditEntry } from '../audit/append-audit-entry.js';
import type { IssuedBy } from '../operational-reports/issue-operational-reports.js';
import { toJapanDate } from '../shared/japan-date.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { DEFAULT_REVIEW_INTERVAL, reviewPeriodsToIssue } from './access-log-periods.js';
import { accessLogReviewWorkflow } from './access-log-review.workflow.js';

/**
 * Issues the access-log reviews (アクセスログの確認) due by today — catching up on the last
 * REVIEW_CATCH_UP_DAYS — for every My Number contract (its register in force holds an item flagged
 * 個人番号) in force (active or ending; a closed one only for periods before it closed), at its
 * interval (monthly unless it records another). The unique key (ward, contract, period) makes it
 * idempotent: a second run, or two servers at once, issue nothing more. One audit entry per ward
 * records what a run issued. Returns how many it issued.
 */
export async function issueAccessLogReviews(db: Kysely<Database>, now: Date, by?: IssuedBy): Promise<number> {
  const today = toJapanDate(now);
  return db.transaction().execute(async (tx) => {
    const contracts = await tx
      .selectFrom('contracts as c')
      .leftJoin('contract_access_log_review_settings as s', (j) =>
        j.onRef('s.ward_id', '=', 'c.ward_id').onRef('s.contract_id', '=', 'c.id'),
      )
      .select([
        'c.ward_id',
        'c.id',
        'c.contractor_org_id',
        'c.period_from',
        'c.period_to',
        'c.status',
        'c.updated_at',
        's.review_interval',
      ])
      .where('c.status', 'in', ['active', 'ending', 'closed'])
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('register_revisions as r')
            .select(sql`1`.as('one'))
            .whereRef('r.ward_id', '=', 'c.ward_id')
            .whereRef('r.contract_id', '=', 'c.id')
            .whereRef('r.revision', '=', 'c.register_revision')
            .where(
              sql<boolean>`jsonb_path_exists(r.document, '$.subjectGroups[*].items[*] ? (@.myNumber == true)')`,
            ),
        ),
      )
      .execute();
    const byWard = new Map<string, string[]>();
    for (const c of contracts) {
      const closedOn = c.status === 'closed' ? toJapanDate(c.updated_at) : null;
      const interval = (c.review_interval ?? DEFAULT_REVIEW_INTERVAL) as AccessLogReviewInterval;
      const periods = reviewPeriodsToIssue(
        { periodFrom: c.period_from, periodTo: c.period_to },
        interval,
        today,
      ).filter((p) => closedOn === null || p.to < closedOn);
      if (!periods.length) continue;
      const rows = await tx
        .insertInto('access_log_reviews')
        .values(
          periods.map((p) => ({
            ward_id: c.ward_id,
            contract_id: c.id,
            organisation_id: c.contractor_org_id,
            period: p.label,
            period_from: p.from,
            period_to: p.to,
            due_on: p.dueOn,
            status: 'issued',
            ...machineColumns(accessLogReviewWorkflow),
            issued_at: now,
            updated_at: now,
          })),
        )
        .onConflict((oc) => oc.columns(['ward_id', 'contract_id', 'period']).doNothing())
        .returning('id')
        .execute();
      if (rows.length) byWard.set(c.ward_id, [...(byWard.get(c.ward_id) ?? []), ...rows.map((r) => r.id)]);
    }
    let issued = 0;
    for (const [wardId, ids] of byWard) {
      issued += ids.length;
      await appendAuditEntry(tx, {
        wardId,
        actorUserId: by?.userId ?? null,
        actorOrgId: by?.organisationId ?? null,
        action: 'access_log_review.issue',
        subjectType: 'AccessLogReviews',
        subjectId: today,
        after: { on: today, count: ids.length, reviewIds: ids.length <= 500 ? ids : undefined },
        requestId: by ? by.requestId : 'scheduler',
        at: now,
      });
    }
    return issued;
  });
}
