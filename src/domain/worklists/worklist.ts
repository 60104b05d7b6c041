import { asSubject } from '../../../policies/app-ability.js';
import { approvalWorkflow } from '../approvals/approval.workflow.js';
import { CERTIFICATION_NAMES } from '../certifications/certification-names.js';
import { listCertificationsDue } from '../certifications/list-certifications-due.js';
import { listReportItems } from '../council/council-items.js';
import { deviceDeclarationWorkflow } from '../devices/device-declaration.workflow.js';
import { listDeviceQueue } from '../devices/devices.js';
import { BREACH_REPORT_NAMES } from '../incidents/breach-commands.js';
import { incidentWorkflow } from '../incidents/incident.workflow.js';
import { listBreachReportsDue } from '../incidents/list-breach-reports-due.js';
import { listIncidents } from '../incidents/read-incidents.js';
import { inspectionWorkflow } from '../inspections/inspection.workflow.js';
import { listDueForActor } from '../inspections/read-inspection-due.js';
import { listFindings } from '../inspections/read-inspections.js';
import { accessLogReviewWorkflow } from '../my-number/access-log-review.workflow.js';
import { listAccessLogReviews } from '../my-number/access-log-reviews.js';
import { operationalReportWorkflow } from '../operational-reports/operational-report.workflow.js';
import { listOperationalReports } from '../operational-reports/operational-reports.js';
import { recommendationWorkflow } from '../operational-reports/recommendation.workflow.js';
import { listRecommendations } from '../operational-reports/recommendations.js';
import { priorApprovalWorkflow } from '../prior-approvals/prior-approval.workflow.js';
import { listPriorApprovalQueue } from '../prior-approvals/prior-approval-queue.js';
import { KIND_NAMES } from '../prior-approvals/prior-approval-terms.js';
import { listReports } from '../reports/read-reports.js';
import { reportWorkflow } from '../reports/report.workflow.js';
import type { UseCaseContext } from '../shared/context.js';
import type { Message } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { fiscalYearOf } from '../shared/wareki.js';
import { isOverdue } from '../supervision/read-report-requests.js';
import { reportRequestWorkflow } from '../supervision/report-request.workflow.js';
import { listReportRequestWork } from '../supervision/report-request-work.js';
import { listApprovalQueue } from './approval-queue.js';
import { contractReviewSource } from './contract-review-source.js';
import { contractTitles } from './contract-titles.js';
import { listInspectionQueue } from './inspection-queue.js';
import { listMissingCertificates } from './missing-certificates.js';
import { organisationNames } from './names.js';
import { listPendingHandlerLists } from './pending-handler-lists.js';

// 作業一覧 (worklist): "what may this person do now", across every workflow, as one domain query.
// The dashboard's panels and the inbox (受信箱) both read it, so a workflow added here appears in
// both and one missing here is missing from both. Each source asks the policies whether the viewer
// has that kind of work at all, then lists the records with the rules in SQL.

/** One kind of waiting work: a dashboard panel, a group of the inbox. */
export type WorkKind =
  | 'approvals'
  | 'prior-approvals'
  | 'devices'
  | 'report-requests'
  | 'inspection-sign-off'
  | 'reports-received'
  | 'reports-to-answer'
  | 'operational-reports-received'
  | 'operational-reports-to-submit'
  | 'recommendations'
  | 'access-log-reviews'
  | 'contract-reviews'
  | 'incidents'
  | 'breach-reports'
  | 'handler-lists'
  | 'certificates'
  // 認証の更新: a company's own certifications expiring or expired (プライバシーマーク, ISMS, ISMAP)
  | 'certifications'
  | 'findings-past-due'
  | 'inspections-due'
  | 'council-items';

/** One step waiting on the viewer: what, for whom, since when, by when, and the page to act on. */
export interface WorkItem {
  kind: WorkKind;
  subjectType: string;
  subjectId: string;
  /** What it is: the record's own title (a contract, an application), as entered. */
  title: string;
  /** The record's 整理番号 (R8-再委託-0003, R8-受渡-0012), where it has one. */
  number?: string | null;
  /** What kind of record, where the title alone does not say (a prior approval's 複写・複製). */
  label?: Message;
  /** For whom: the organisation concerned, when the viewer may read its name. */
  party: string | null;
  /** The record's state in words (null where the kind says it all). */
  status: string | null;
  state: Message | null;
  since: Date | null;
  dueOn: string | null;
  overdue: boolean;
  /** The page where the viewer acts. */
  href: string;
  /** The record it belongs to, when that is what reminders name (a finding's inspection). */
  parent?: { type: string; id: string };
  /** More to read before acting: what changed since a contract's last review. */
  detail?: Message;
}

export interface WorkSection {
  kind: WorkKind;
  items: WorkItem[];
  /** More items than the limit asked for. */
  more: boolean;
  /** How many there are in all, and how many overdue, where the kind counts them. */
  total?: number;
  overdue?: number;
}

export type Source = {
  kind: WorkKind;
  /** Whether the policies give the viewer this kind of work at all. */
  applies: (ctx: UseCaseContext) => boolean;
  load: (ctx: UseCaseContext, limit: number) => Promise<Omit<WorkSection, 'kind'> | null>;
};

const isCompany = (ctx: UseCaseContext) => ctx.actor.organisationKind === 'company';
const canInspect = (ctx: UseCaseContext) =>
  Boolean(ctx.actor.wardId) &&
  ctx.ability.can('create', asSubject('Inspection', { wardId: ctx.actor.wardId }));
const stateOf = (names: Record<string, Message> | undefined, status: string) => names?.[status] ?? null;
const base = (kind: WorkKind, subjectType: string, subjectId: string) => ({
  kind,
  subjectType,
  subjectId,
  status: null,
  state: null,
  since: null,
  dueOn: null,
  overdue: false,
});

async function reportsIn(ctx: UseCaseContext, statuses: string[], limit: number) {
  const pages = await Promise.all(statuses.map((status) => listReports(ctx, { status, limit })));
  return {
    items: pages.flatMap((pg) => pg.items).sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    more: pages.some((pg) => Boolean(pg.nextCursor)),
  };
}

async function reportItems(
  ctx: UseCaseContext,
  kind: WorkKind,
  reports: Awaited<ReturnType<typeof reportsIn>>['items'],
): Promise<WorkItem[]> {
  const titles = await contractTitles(
    ctx,
    reports.map((r) => r.contractId),
  );
  const names = await organisationNames(
    ctx,
    reports.map((r) => r.organisationId),
  );
  return reports.map((r) => ({
    ...base(kind, 'ComplianceReport', r.id),
    title: titles.get(r.contractId) ?? r.period,
    party: names.get(r.organisationId) ?? null,
    status: r.status,
    state: stateOf(reportWorkflow.stateNames, r.status),
    since: r.submittedAt ?? r.issuedAt,
    dueOn: r.dueOn,
    overdue: r.overdue,
    href: `/compliance-reports/${r.id}`,
  }));
}

const OPERATIONAL_KIND_LABELS: Record<string, Message> = {
  daily: { en: 'Daily report', ja: '業務日報' },
  monthly: { en: 'Monthly report', ja: '業務月報' },
  yearly: { en: 'Yearly report', ja: '業務年報' },
  adhoc: { en: 'Ad-hoc report', ja: '随時報告' },
};

/** 業務報告 waiting on the viewer's side: to receive and sign (the city), to submit (the contractor). */
function operationalReportSource(
  kind: 'operational-reports-received' | 'operational-reports-to-submit',
  statuses: string[],
): Source {
  return {
    kind,
    applies: (ctx) =>
      kind === 'operational-reports-received'
        ? ctx.ability.can('sign', 'OperationalReport')
        : isCompany(ctx) && ctx.ability.can('update', 'OperationalReport'),
    load: async (ctx, limit) => {
      const page = await listOperationalReports(ctx, { statuses, oldestFirst: true, limit });
      const titles = await contractTitles(
        ctx,
        page.items.map((r) => r.contractId),
      );
      const names = await organisationNames(
        ctx,
        page.items.map((r) => r.organisationId),
      );
      return {
        more: Boolean(page.nextCursor),
        items: page.items.map((r) => ({
          ...base(kind, 'OperationalReport', r.id),
          label: OPERATIONAL_KIND_LABELS[r.kind],
          title: `${titles.get(r.contractId) ?? ''}（${r.period ?? r.title ?? ''}）`,
          party: names.get(r.organisationId) ?? null,
          status: r.status,
          state: stateOf(operationalReportWorkflow.stateNames, r.status),
          since: r.submittedAt ?? r.issuedAt,
          dueOn: r.dueOn,
          overdue: r.overdue,
          href: `/operational-reports/${r.id}`,
        })),
      };
    },
  };
}

/** In order of urgency: decisions first, then lists to read. */
const SOURCES: Source[] = [
  {
    kind: 'approvals',
    applies: (ctx) =>
      ctx.ability.can('sign', 'Approval') || (isCompany(ctx) && ctx.ability.can('update', 'Approval')),
    load: async (ctx, limit) => {
      const page = await listApprovalQueue(ctx, { limit });
      const names = await organisationNames(
        ctx,
        page.items.map((a) => a.applicantOrgId),
      );
      return {
        more: Boolean(page.nextCursor),
        items: page.items.map((a) => ({
          ...base('approvals', 'Approval', a.id),
          title: a.application.title,
          number: a.number,
          party: names.get(a.applicantOrgId) ?? null,
          status: a.status,
          state: stateOf(approvalWorkflow.stateNames, a.status),
          since: a.submittedAt ?? a.updatedAt,
          dueOn: a.reviewDueOn,
          overdue: Boolean(a.reviewDueOn && a.reviewDueOn < toJapanDate(ctx.now())),
          href: `/approvals/${a.id}`,
        })),
      };
    },
  },
  {
    kind: 'prior-approvals',
    // 事前承認 (複写・目的外利用・持出し・廃棄) awaiting this signer of the ward's chain
    applies: (ctx) => ctx.ability.can('sign', 'PriorApproval'),
    load: async (ctx, limit) => {
      const items = await listPriorApprovalQueue(ctx, limit + 1);
      const shown = items.slice(0, limit);
      const [titles, names] = await Promise.all([
        contractTitles(
          ctx,
          shown.map((a) => a.contractId),
        ),
        organisationNames(
          ctx,
          shown.map((a) => a.applicantOrgId),
        ),
      ]);
      return {
        more: items.length > limit,
        items: shown.map((a) => ({
          ...base('prior-approvals', 'PriorApproval', a.id),
          label: KIND_NAMES[a.kind],
          title: titles.get(a.contractId) ?? a.reason,
          party: names.get(a.applicantOrgId) ?? null,
          status: a.status,
          state: stateOf(priorApprovalWorkflow.stateNames, a.status),
          since: a.appliedAt,
          dueOn: a.periodFrom,
          overdue: a.periodFrom < toJapanDate(ctx.now()),
          href: `/prior-approvals/${a.id}`,
        })),
      };
    },
  },
  {
    kind: 'devices',
    // 情報機器等の持込み (seed 004 5(3)) awaiting the municipality's decision, before the day it is brought in
    applies: (ctx) => ctx.ability.can('sign', 'DeviceDeclaration'),
    load: async (ctx, limit) => {
      const items = await listDeviceQueue(ctx, limit + 1);
      const shown = items.slice(0, limit);
      const [titles, names] = await Promise.all([
        contractTitles(
          ctx,
          shown.map((d) => d.contractId),
        ),
        organisationNames(
          ctx,
          shown.map((d) => d.organisationId),
        ),
      ]);
      const today = toJapanDate(ctx.now());
      return {
        more: items.length > limit,
        items: shown.map((d) => ({
          ...base('devices', 'DeviceDeclaration', d.id),
          label: { ja: `持込み機器：${d.deviceName}`, en: `Device: ${d.deviceName}` },
          title: titles.get(d.contractId) ?? d.deviceName,
          party: names.get(d.organisationId) ?? null,
          status: d.status,
          state: stateOf(deviceDeclarationWorkflow.stateNames, d.status),
          since: d.declaredAt,
          dueOn: d.bringFrom,
          overdue: d.bringFrom < today,
          href: `/contracts/${d.contractId}/devices`,
        })),
      };
    },
  },
  {
    kind: 'report-requests',
    // 報告の求め: answers to decide and requests overdue (the requester), requests to answer (the company asked)
    applies: (ctx) =>
      ctx.ability.can('update', 'ReportRequest', 'request') ||
      ctx.ability.can('update', 'ReportRequest', 'answer'),
    load: async (ctx, limit) => {
      const { items, more, titles, names } = await listReportRequestWork(ctx, limit);
      const today = toJapanDate(ctx.now());
      return {
        more,
        items: items.map((r) => ({
          ...base('report-requests', 'ReportRequest', r.id),
          label: { en: 'Report request', ja: '報告の求め' },
          title: `${r.topic}（${titles.get(r.contractId) ?? ''}）`,
          party: names.get(r.subjectOrgId) ?? null,
          status: r.status,
          state: stateOf(reportRequestWorkflow.stateNames, r.status),
          since: r.answeredAt ?? r.requestedAt,
          dueOn: r.dueOn,
          overdue: isOverdue(r, today),
          href: `/report-requests/${r.id}`,
        })),
      };
    },
  },
  {
    kind: 'inspection-sign-off',
    applies: (ctx) => ctx.ability.can('sign', 'Inspection'),
    load: async (ctx, limit) => {
      const { items, more } = await listInspectionQueue(ctx, limit);
      return {
        more,
        items: items.map(({ inspection: i, organisationName, contractTitle }) => ({
          ...base('inspection-sign-off', 'Inspection', i.id),
          title: contractTitle,
          party: organisationName,
          status: i.status,
          state: stateOf(inspectionWorkflow.stateNames, i.status),
          since: i.submittedAt,
          href: `/inspections/${i.id}`,
        })),
      };
    },
  },
  {
    kind: 'reports-received',
    applies: (ctx) => ctx.ability.can('sign', 'ComplianceReport'),
    load: async (ctx, limit) => {
      const { items, more } = await reportsIn(ctx, ['submitted', 'received'], limit);
      return {
        more: more || items.length > limit,
        items: await reportItems(ctx, 'reports-received', items.slice(0, limit)),
      };
    },
  },
  {
    kind: 'reports-to-answer',
    applies: (ctx) => isCompany(ctx) && ctx.ability.can('update', 'ComplianceReport'),
    load: async (ctx, limit) => {
      // its own reports: a sub-contractor's are the sub-contractor's to answer
      const { items, more } = await reportsIn(ctx, ['issued', 'draft', 'returned'], limit);
      const own = items.filter((r) => r.organisationId === ctx.actor.organisationId);
      return {
        more: more || own.length > limit,
        items: await reportItems(ctx, 'reports-to-answer', own.slice(0, limit)),
      };
    },
  },
  operationalReportSource('operational-reports-received', ['submitted', 'received']),
  operationalReportSource('operational-reports-to-submit', ['issued', 'returned']),
  {
    kind: 'recommendations',
    // 改善勧告: the contractor's answer awaited, or the city's closing of an answered one
    applies: (ctx) =>
      isCompany(ctx)
        ? ctx.ability.can('update', 'ImprovementRecommendation', 'answer')
        : ctx.ability.can('update', 'ImprovementRecommendation', 'decision'),
    load: async (ctx, limit) => {
      const statuses = isCompany(ctx) ? ['recommended', 'sent_back'] : ['answered'];
      const pages = await Promise.all(statuses.map((status) => listRecommendations(ctx, { status, limit })));
      const items = pages.flatMap((pg) => pg.items).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
      const shown = items.slice(0, limit);
      const titles = await contractTitles(
        ctx,
        shown.map((r) => r.contractId),
      );
      const names = await organisationNames(
        ctx,
        shown.map((r) => r.organisationId),
      );
      return {
        more: items.length > limit || pages.some((pg) => Boolean(pg.nextCursor)),
        items: shown.map((r) => ({
          ...base('recommendations', 'ImprovementRecommendation', r.id),
          title: `${titles.get(r.contractId) ?? ''}（${r.title}）`,
          party: names.get(r.organisationId) ?? null,
          status: r.status,
          state: stateOf(recommendationWorkflow.stateNames, r.status),
          since: r.answeredAt ?? r.recommendedAt,
          dueOn: r.dueOn,
          overdue: r.overdue,
          href: `/improvement-recommendations/${r.id}`,
        })),
      };
    },
  },
  {
    kind: 'access-log-reviews',
    // アクセスログの確認 (My Number contracts): the contractor's reviews to record, oldest due first;
    // the city's to confirm, and those overdue with the contractor
    applies: (ctx) =>
      isCompany(ctx)
        ? ctx.ability.can('update', 'AccessLogReview')
        : ctx.ability.can('sign', 'AccessLogReview'),
    load: async (ctx, limit) => {
      const pages = isCompany(ctx)
        ? [await listAccessLogReviews(ctx, { statuses: ['issued', 'returned'], oldestFirst: true, limit })]
        : await Promise.all([
            listAccessLogReviews(ctx, { status: 'recorded', oldestFirst: true, limit }),
            listAccessLogReviews(ctx, { overdue: true, oldestFirst: true, limit }),
          ]);
      const items = pages.flatMap((pg) => pg.items).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
      // only My Number contracts have reviews: no panel for those who have none waiting
      if (!items.length) return null;
      const shown = items.slice(0, limit);
      const titles = await contractTitles(
        ctx,
        shown.map((r) => r.contractId),
      );
      const names = await organisationNames(
        ctx,
        shown.map((r) => r.organisationId),
      );
      return {
        more: items.length > limit || pages.some((pg) => Boolean(pg.nextCursor)),
        items: shown.map((r) => ({
          ...base('access-log-reviews', 'AccessLogReview', r.id),
          title: `${titles.get(r.contractId) ?? ''}（${r.period}）`,
          label: { en: 'Access-log review', ja: 'アクセスログの確認' },
          party: names.get(r.organisationId) ?? null,
          status: r.status,
          state: stateOf(accessLogReviewWorkflow.stateNames, r.status),
          since: r.recordedAt ?? r.issuedAt,
          dueOn: r.dueOn,
          overdue: r.overdue,
          href: `/access-log-reviews/${r.id}`,
        })),
      };
    },
  },
  contractReviewSource,
  {
    kind: 'incidents',
    applies: (ctx) => ctx.ability.can('read', 'Incident') && !ctx.actor.roles.includes('inspector'),
    load: async (ctx, limit) => {
      const pages = await Promise.all(
        ['reported', 'in_progress', 'responded'].map((status) => listIncidents(ctx, { status, limit })),
      );
      const incidents = pages
        .flatMap((pg) => pg.items)
        .sort((a, b) => b.reportedAt.getTime() - a.reportedAt.getTime());
      // a company sees the panel only when one of its incidents is open
      if (!incidents.length && isCompany(ctx)) return null;
      const shown = incidents.slice(0, limit);
      const titles = await contractTitles(
        ctx,
        shown.map((i) => i.contractId),
      );
      const names = await organisationNames(
        ctx,
        shown.map((i) => i.reportingOrgId),
      );
      return {
        more: incidents.length > limit || pages.some((pg) => Boolean(pg.nextCursor)),
        items: shown.map((i) => ({
          ...base('incidents', 'Incident', i.id),
          title: titles.get(i.contractId) ?? i.information,
          party: names.get(i.reportingOrgId) ?? null,
          status: i.status,
          state: stateOf(incidentWorkflow.stateNames, i.status),
          since: i.reportedAt,
          href: `/incidents/${i.id}`,
        })),
      };
    },
  },
  {
    kind: 'breach-reports',
    // 漏えい等報告 (速報・確報・本人通知) still to send to the Commission and the people affected
    applies: (ctx) => ctx.ability.can('sign', 'Incident'),
    load: async (ctx, limit) => {
      const due = await listBreachReportsDue(ctx, limit + 1);
      const incidents = [...new Set(due.map((d) => d.incident.id))];
      const shown = due.filter((d) => incidents.indexOf(d.incident.id) < limit);
      const today = toJapanDate(ctx.now());
      const titles = await contractTitles(
        ctx,
        shown.map((d) => d.incident.contractId),
      );
      return {
        more: incidents.length > limit,
        items: shown
          .map((d) => ({
            ...base('breach-reports', 'Incident', d.incident.id),
            label: BREACH_REPORT_NAMES[d.kind],
            title: titles.get(d.incident.contractId) ?? d.incident.information,
            party: null,
            since: d.incident.breach.assessedAt,
            dueOn: d.dueOn,
            overdue: Boolean(d.dueOn && d.dueOn < today),
            href: `/incidents/${d.incident.id}#breach-report`,
          }))
          .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999')),
      };
    },
  },
  {
    kind: 'handler-lists',
    applies: (ctx) => ctx.ability.can('update', 'HandlerList'),
    load: async (ctx, limit) => {
      const page = await listPendingHandlerLists(ctx, { limit });
      return {
        more: Boolean(page.nextCursor),
        items: page.items.map((s) => ({
          ...base('handler-lists', 'HandlerList', s.id),
          title: s.contractTitle,
          party: s.organisationName,
          status: 'submitted',
          since: s.submittedAt,
          href: `/contracts/${s.contractId}#handler-lists`,
        })),
      };
    },
  },
  {
    kind: 'certificates',
    applies: (ctx) => !isCompany(ctx) && ctx.ability.can('create', 'HandoverPackage'),
    load: async (ctx, limit) => {
      const { contracts, packages } = await listMissingCertificates(ctx, limit);
      const today = toJapanDate(ctx.now());
      return {
        more: contracts.length >= limit || packages.length >= limit,
        items: [
          ...contracts.map((k) => ({
            ...base('certificates', 'Contract', k.id),
            title: k.title,
            party: k.contractorName,
            status: k.status,
            dueOn: k.periodTo,
            overdue: k.periodTo < today,
            href: `/contracts/${k.id}`,
          })),
          ...packages.map((x) => ({
            ...base('certificates', 'HandoverPackage', x.id),
            title: x.title,
            number: x.number,
            party: null,
            status: x.status,
            href: `/handover/${x.id}`,
          })),
        ],
      };
    },
  },
  {
    kind: 'certifications',
    applies: (ctx) =>
      isCompany(ctx) &&
      ctx.ability.can(
        'update',
        asSubject('CompanyCertification', { organisationId: ctx.actor.organisationId, wardIds: [] }),
      ),
    load: async (ctx, limit) => {
      const due = await listCertificationsDue(ctx, limit);
      return {
        more: due.length > limit,
        items: due.slice(0, limit).map((d) => ({
          ...base('certifications', 'CompanyCertification', d.id),
          title: d.number,
          label: CERTIFICATION_NAMES[d.kind],
          party: null,
          status: d.expired ? 'expired' : 'expiring',
          state: d.expired ? { ja: '期限切れ', en: 'Expired' } : { ja: '期限間近', en: 'Expiring' },
          dueOn: d.validUntil,
          overdue: d.expired,
          href: `/companies/${d.organisationId}/certifications#certification-${d.id}`,
        })),
      };
    },
  },
  {
    kind: 'findings-past-due',
    applies: (ctx) =>
      isCompany(ctx) ? ctx.ability.can('update', 'Finding', 'improvementReport') : canInspect(ctx),
    load: async (ctx, limit) => {
      const page = await listFindings(ctx, { overdueOn: toJapanDate(ctx.now()), limit });
      const names = await organisationNames(
        ctx,
        page.items.map((f) => f.organisationId),
      );
      return {
        more: Boolean(page.nextCursor),
        items: page.items.map((f) => ({
          ...base('findings-past-due', 'Finding', f.id),
          title: f.itemKey,
          party: names.get(f.organisationId) ?? null,
          status: f.status,
          since: f.createdAt,
          dueOn: f.dueOn,
          overdue: true,
          href: `/inspections/${f.inspectionId}#finding-${f.id}`,
          parent: { type: 'Inspection', id: f.inspectionId },
        })),
      };
    },
  },
  {
    kind: 'inspections-due',
    applies: canInspect,
    load: async (ctx, limit) => {
      const today = toJapanDate(ctx.now());
      const { items } = await listDueForActor(ctx, { fiscalYear: fiscalYearOf(today) });
      const rows = [...items].sort((a, b) =>
        a.status === b.status ? a.dueBy.localeCompare(b.dueBy) : a.status === 'overdue' ? -1 : 1,
      );
      return {
        more: rows.length > limit,
        total: items.length,
        overdue: items.filter((i) => i.status === 'overdue').length,
        items: rows.slice(0, limit).map((r) => ({
          ...base('inspections-due', 'Contract', r.contractId),
          title: r.organisationName,
          party: r.contractTitle,
          status: r.status,
          dueOn: r.dueBy,
          overdue: r.status === 'overdue',
          href: r.plannedInspectionId
            ? `/inspections/${r.plannedInspectionId}`
            : `/inspections/new?contractId=${r.contractId}`,
        })),
      };
    },
  },
  {
    kind: 'council-items',
    applies: (ctx) => ctx.ability.can('update', 'CouncilReportItem'),
    load: async (ctx, limit) => {
      const page = await listReportItems(ctx, { unassigned: true, limit });
      return {
        more: Boolean(page.nextCursor),
        items: page.items.map((i) => ({
          ...base('council-items', 'CouncilReportItem', i.id),
          title: i.title,
          party: null,
          since: i.createdAt,
          href: `/council/items/${i.id}`,
        })),
      };
    },
  },
];

/** The kinds of work the policies give this viewer, in the order the dashboard shows them. */
export function workKindsFor(ctx: UseCaseContext): WorkKind[] {
  return SOURCES.filter((s) => s.applies(ctx)).map((s) => s.kind);
}

/**
 * 作業一覧: every kind of work the viewer has, each with up to `limit` waiting items (a kind with
 * nothing waiting is still there, empty, so a page can say so). One query after another: PGlite
 * has a single connection, and each is short.
 */
export async function listWorklist(ctx: UseCaseContext, query: { limit: number }): Promise<WorkSection[]> {
  const sections: WorkSection[] = [];
  for (const source of SOURCES) {
    if (!source.applies(ctx)) continue;
    const loaded = await source.load(ctx, query.limit);
    if (loaded) sections.push({ kind: source.kind, ...loaded });
  }
  return sections;
}
