import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { certificationDeadlines } from '../certifications/certification-reminders.js';
import { breachReportDeadlines } from '../incidents/breach-report-reminders.js';
import { listFindingsPastDue } from '../inspections/list-findings-past-due.js';
import { listInspectionDue } from '../inspections/list-inspection-due.js';
import { addDays, toJapanDate } from '../shared/japan-date.js';
import { fiscalYearOf } from '../shared/wareki.js';
import { notify, usersWithRoles } from './notify.js';

/** Days before a deadline that the first reminder goes out. */
export const REMIND_DAYS_BEFORE = 7;

/** Finds the deadlines to remind of today and adds the notifications (idempotent per key). */
export type ReminderSource = (db: Kysely<Database>, today: string, now: Date) => Promise<number>;

const stageOf = (dueOn: string, today: string) => (dueOn < today ? 'overdue' : 'soon');

/** 報告書の提出期限: the reporting company's managers, and the ward's officers once overdue. */
const complianceReportDeadlines: ReminderSource = async (db, today, now) => {
  const rows = await db
    .selectFrom('compliance_reports as r')
    .innerJoin('contracts as c', (j) =>
      j.onRef('c.ward_id', '=', 'r.ward_id').onRef('c.id', '=', 'r.contract_id'),
    )
    .select(['r.id', 'r.ward_id', 'r.organisation_id', 'r.period', 'r.due_on', 'c.title'])
    .where('r.status', 'in', ['issued', 'draft', 'returned'])
    .where('r.due_on', '<=', addDays(today, REMIND_DAYS_BEFORE))
    .execute();
  let sent = 0;
  for (const r of rows) {
    const stage = stageOf(r.due_on, today);
    const recipients = await usersWithRoles(db, r.organisation_id, ['contractor_manager']);
    if (stage === 'overdue') recipients.push(...(await usersWithRoles(db, r.ward_id, ['ward_officer'])));
    sent += await notify(
      db,
      {
        userIds: recipients,
        wardId: r.ward_id,
        kind: 'compliance-report-due',
        subjectType: 'ComplianceReport',
        subjectId: r.id,
        deadlineKey: `compliance-report:${r.id}:${r.due_on}:${stage}`,
        title:
          stage === 'overdue'
            ? `【期限超過】遵守状況報告書（${r.period}）`
            : `遵守状況報告書（${r.period}）の提出期限が近づいています`,
        body: `${r.title}　提出期限：${r.due_on}`,
        dueOn: r.due_on,
      },
      now,
    );
  }
  return sent;
};

/** 審査期限: the signers whose step is awaited on an application with a review due date. */
const approvalReviewDeadlines: ReminderSource = async (db, today, now) => {
  const rows = await db
    .selectFrom('approvals')
    .select(['id', 'ward_id', 'status', 'chain', 'step', 'review_due_on', 'application'])
    .where('status', 'in', ['submitted', 'under_review'])
    .where('review_due_on', 'is not', null)
    .where('review_due_on', '<=', addDays(today, REMIND_DAYS_BEFORE))
    .execute();
  let sent = 0;
  for (const a of rows) {
    const role = a.status === 'submitted' ? a.chain[0]! : a.chain[a.step]!;
    const stage = stageOf(a.review_due_on!, today);
    sent += await notify(
      db,
      {
        userIds: await usersWithRoles(db, a.ward_id, [role]),
        wardId: a.ward_id,
        kind: 'approval-review-due',
        subjectType: 'Approval',
        subjectId: a.id,
        deadlineKey: `approval:${a.id}:${a.review_due_on}:${role}:${stage}`,
        title: stage === 'overdue' ? '【期限超過】承認申請の審査' : '承認申請の審査期限が近づいています',
        body: `${(a.application as { title?: string }).title ?? ''}　審査期限：${a.review_due_on}`,
        dueOn: a.review_due_on,
      },
      now,
    );
  }
  return sent;
};

/** 年度内の実地検査: the ward's inspectors, for every organisation not yet inspected this fiscal year,
 * from 30 days before the date it is due by. */
const inspectionDeadlines: ReminderSource = async (db, today, now) => {
  const due = await listInspectionDue(db, { fiscalYear: fiscalYearOf(today), today });
  let sent = 0;
  for (const d of due.filter((x) => x.status === 'overdue' || x.dueBy <= addDays(today, 30))) {
    const stage = d.status === 'overdue' ? 'overdue' : 'soon';
    sent += await notify(
      db,
      {
        userIds: await usersWithRoles(db, d.wardId, ['inspector']),
        wardId: d.wardId,
        kind: 'inspection-due',
        subjectType: 'Contract',
        subjectId: d.contractId,
        deadlineKey: `inspection:${d.contractId}:${d.organisationId}:${d.fiscalYear}:${stage}`,
        title:
          stage === 'overdue'
            ? `【期限超過】実地検査（${d.organisationName}）`
            : `実地検査の期限が近づいています（${d.organisationName}）`,
        body: `${d.contractTitle}　${d.fiscalYear}年度の検査期限：${d.dueBy}`,
        dueOn: d.dueBy,
      },
      now,
    );
  }
  return sent;
};

/** 改善期限: the inspected company's managers and the inspector, once the agreed deadline passed. */
const findingDeadlines: ReminderSource = async (db, today, now) => {
  let sent = 0;
  for (const f of await listFindingsPastDue(db, { today })) {
    sent += await notify(
      db,
      {
        userIds: [...(await usersWithRoles(db, f.organisationId, ['contractor_manager'])), f.inspectorId],
        wardId: f.wardId,
        kind: 'finding-overdue',
        subjectType: 'Inspection',
        subjectId: f.inspectionId,
        deadlineKey: `finding:${f.findingId}:${f.dueOn}:overdue`,
        title: '【期限超過】指摘事項の改善報告',
        body: `検査項目 ${f.itemKey} の改善期限：${f.dueOn}`,
        dueOn: f.dueOn,
      },
      now,
    );
  }
  return sent;
};

const OPERATIONAL_KIND_NAMES: Record<string, string> = {
  daily: '業務日報',
  monthly: '業務月報',
  yearly: '業務年報',
};

/** 業務報告の提出期限: the contractor's managers (a daily report only once overdue: it is due the
 * next working day), and the city's officers once a monthly or yearly report is overdue. */
const operationalReportDeadlines: ReminderSource = async (db, today, now) => {
  const rows = await db
    .selectFrom('operational_reports as r')
    .innerJoin('contracts as c', (j) =>
      j.onRef('c.ward_id', '=', 'r.ward_id').onRef('c.id', '=', 'r.contract_id'),
    )
    .select(['r.id', 'r.ward_id', 'r.organisation_id', 'r.kind', 'r.period', 'r.due_on', 'c.title'])
    .where('r.status', 'in', ['issued', 'returned'])
    .where((eb) =>
      eb.or([
        eb('r.due_on', '<', today),
        eb.and([eb('r.kind', '!=', 'daily'), eb('r.due_on', '<=', addDays(today, REMIND_DAYS_BEFORE))]),
      ]),
    )
    .execute();
  let sent = 0;
  for (const r of rows) {
    const stage = stageOf(r.due_on, today);
    const recipients = await usersWithRoles(db, r.organisation_id, ['contractor_manager']);
    if (stage === 'overdue' && r.kind !== 'daily')
      recipients.push(...(await usersWithRoles(db, r.ward_id, ['ward_officer'])));
    const name = `${OPERATIONAL_KIND_NAMES[r.kind] ?? '業務報告'}（${r.period ?? ''}）`;
    sent += await notify(
      db,
      {
        userIds: recipients,
        wardId: r.ward_id,
        kind: 'operational-report-due',
        subjectType: 'OperationalReport',
        subjectId: r.id,
        deadlineKey: `operational-report:${r.id}:${r.due_on}:${stage}`,
        title: stage === 'overdue' ? `【期限超過】${name}` : `${name}の提出期限が近づいています`,
        body: `${r.title}　提出期限：${r.due_on}`,
        dueOn: r.due_on,
      },
      now,
    );
  }
  return sent;
};

/** 改善勧告の回答期限: the contractor's managers, and the city's officers once overdue. */
const recommendationDeadlines: ReminderSource = async (db, today, now) => {
  const rows = await db
    .selectFrom('improvement_recommendations as r')
    .innerJoin('contracts as c', (j) =>
      j.onRef('c.ward_id', '=', 'r.ward_id').onRef('c.id', '=', 'r.contract_id'),
    )
    .select(['r.id', 'r.ward_id', 'r.organisation_id', 'r.title', 'r.due_on', 'c.title as contract_title'])
    .where('r.status', 'in', ['recommended', 'sent_back'])
    .where('r.due_on', '<=', addDays(today, REMIND_DAYS_BEFORE))
    .execute();
  let sent = 0;
  for (const r of rows) {
    const stage = stageOf(r.due_on, today);
    const recipients = await usersWithRoles(db, r.organisation_id, ['contractor_manager']);
    if (stage === 'overdue') recipients.push(...(await usersWithRoles(db, r.ward_id, ['ward_officer'])));
    sent += await notify(
      db,
      {
        userIds: recipients,
        wardId: r.ward_id,
        kind: 'improvement-recommendation-due',
        subjectType: 'ImprovementRecommendation',
        subjectId: r.id,
        deadlineKey: `improvement-recommendation:${r.id}:${r.due_on}:${stage}`,
        title:
          stage === 'overdue'
            ? `【期限超過】改善勧告への回答（${r.title}）`
            : `改善勧告（${r.title}）の回答期限が近づいています`,
        body: `${r.contract_title}　回答期限：${r.due_on}`,
        dueOn: r.due_on,
      },
      now,
    );
  }
  return sent;
};

/** アクセスログの確認 of a My Number contract: the contractor's managers and staff (業務責任者・取扱責任者)
 * before it is due, and the city's officers too once it is overdue. */
const accessLogReviewDeadlines: ReminderSource = async (db, today, now) => {
  const rows = await db
    .selectFrom('access_log_reviews as r')
    .innerJoin('contracts as c', (j) =>
      j.onRef('c.ward_id', '=', 'r.ward_id').onRef('c.id', '=', 'r.contract_id'),
    )
    .select(['r.id', 'r.ward_id', 'r.organisation_id', 'r.period', 'r.due_on', 'c.title'])
    .where('r.status', 'in', ['issued', 'returned'])
    .where('r.due_on', '<=', addDays(today, REMIND_DAYS_BEFORE))
    .execute();
  let sent = 0;
  for (const r of rows) {
    const stage = stageOf(r.due_on, today);
    const recipients = await usersWithRoles(db, r.organisation_id, [
      'contractor_manager',
      'contractor_staff',
    ]);
    if (stage === 'overdue') recipients.push(...(await usersWithRoles(db, r.ward_id, ['ward_officer'])));
    const name = `アクセスログの確認（${r.period}）`;
    sent += await notify(
      db,
      {
        userIds: recipients,
        wardId: r.ward_id,
        kind: 'access-log-review-due',
        subjectType: 'AccessLogReview',
        subjectId: r.id,
        deadlineKey: `access-log-review:${r.id}:${r.due_on}:${stage}`,
        title: stage === 'overdue' ? `【期限超過】${name}` : `${name}の期限が近づいています`,
        body: `${r.title}　期限：${r.due_on}`,
        dueOn: r.due_on,
      },
      now,
    );
  }
  return sent;
};

/** Every deadline in the product. Features with deadlines of their own add their source here. */
export const reminderSources: ReminderSource[] = [
  complianceReportDeadlines,
  approvalReviewDeadlines,
  inspectionDeadlines,
  findingDeadlines,
  operationalReportDeadlines,
  recommendationDeadlines,
  accessLogReviewDeadlines,
  breachReportDeadlines,
  certificationDeadlines,
];

export async function generateReminders(db: Kysely<Database>, now: Date): Promise<number> {
  const today = toJapanDate(now);
  let total = 0;
  for (const source of reminderSources) total += await source(db, today, now);
  return total;
}
