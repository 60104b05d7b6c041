import { asSubject } from '../../../policies/app-ability.js';
import type { Dictionary } from './i18n/ja.js';
import type { Viewer } from './page-context.js';
import { grantableRoles } from './users/grantable-roles.js';

/** One entry of the main menu: a feature's pages, shown to those the policies let read them. */
export interface NavEntry {
  slot: string;
  href: string;
  label: (t: Dictionary) => string;
  visible: (viewer: Viewer) => boolean;
  /** False while the feature's API is being built and it has no pages yet: the entry stays hidden. */
  pages: boolean;
}

const company = (v: Viewer) => v.actor.organisationKind === 'company';

/**
 * The main menu, one entry per feature, in this order. Inspections, handover and erasure,
 * compliance reports, incidents and summaries are being built: when a feature's pages exist, set
 * `pages: true` (and add its waiting work to the worklist, src/domain/worklists/worklist.ts, which
 * gives both its dashboard panel and its inbox rows).
 */
export const NAV: NavEntry[] = [
  { slot: 'dashboard', href: '/', label: (t) => t.nav.dashboard, visible: () => true, pages: true },
  {
    slot: 'contracts',
    href: '/contracts',
    label: (t) => t.nav.contracts,
    visible: (v) => v.ability.can('read', 'Contract'),
    pages: true,
  },
  {
    // 情報項目の候補: the ward's staff and reviewers, who read its contracts' registers
    slot: 'catalogue',
    href: '/catalogue',
    label: (t) => t.catalogue.nav,
    // not the council reviewer: a committee reads reports, it does not keep registers
    visible: (v) =>
      v.actor.organisationKind !== 'company' &&
      v.actor.wardId !== null &&
      !v.actor.roles.every((role) => role === 'council_reviewer') &&
      v.ability.can('read', asSubject('Contract', { wardId: v.actor.wardId })),
    pages: true,
  },
  {
    slot: 'approvals',
    href: '/approvals',
    label: (t) => t.nav.approvals,
    visible: (v) => v.ability.can('read', 'Approval'),
    pages: true,
  },
  {
    slot: 'handlers',
    href: '/handlers',
    label: (t) => t.nav.handlers,
    visible: (v) => company(v) && v.ability.can('read', 'Handler'),
    pages: true,
  },
  {
    // 認証: a company's managers keep its certifications (プライバシーマーク, ISMS, ISMAP)
    slot: 'certifications',
    href: '/certifications',
    label: (t) => t.certifications.nav,
    visible: (v) =>
      company(v) &&
      v.ability.can(
        'update',
        asSubject('CompanyCertification', { organisationId: v.actor.organisationId, wardIds: [] }),
      ),
    pages: true,
  },
  {
    slot: 'inspections',
    href: '/inspections',
    label: (t) => t.nav.inspections,
    visible: (v) => v.ability.can('read', 'Inspection'),
    pages: true,
  },
  {
    slot: 'monitoring',
    href: '/monitoring',
    label: (t) => t.monitoring.nav,
    visible: (v) => v.ability.can('read', 'MonitoringReport'),
    pages: true,
  },
  {
    slot: 'handover',
    href: '/handover',
    label: (t) => t.nav.handover,
    visible: (v) => v.ability.can('read', 'HandoverPackage') || v.ability.can('read', 'ErasureRecord'),
    pages: true,
  },
  {
    slot: 'compliance-reports',
    href: '/compliance-reports',
    label: (t) => t.nav.reports,
    visible: (v) => v.ability.can('read', 'ComplianceReport'),
    pages: true,
  },
  {
    slot: 'operational-reports',
    href: '/operational-reports',
    label: (t) => t.operations.nav,
    visible: (v) => v.ability.can('read', 'OperationalReport'),
    pages: true,
  },
  {
    slot: 'incidents',
    href: '/incidents',
    label: (t) => t.nav.incidents,
    visible: (v) => v.ability.can('read', 'Incident'),
    pages: true,
  },
  {
    slot: 'report-requests',
    href: '/report-requests',
    label: (t) => t.supervision.nav,
    visible: (v) => v.ability.can('read', 'ReportRequest'),
    pages: true,
  },
  {
    // 特定個人情報: the city's signers and inspectors, and the contractor that records the reviews
    slot: 'access-log-reviews',
    href: '/access-log-reviews',
    label: (t) => t.accessLogReviews.nav,
    visible: (v) => v.ability.can('read', 'AccessLogReview'),
    pages: true,
  },
  {
    slot: 'summaries',
    href: '/summaries',
    label: (t) => t.nav.summaries,
    visible: (v) => v.ability.can('read', 'CouncilSummary'),
    pages: true,
  },
  {
    // 統制項目の充足状況: the municipality's own assessment, its staff only
    slot: 'controls',
    href: '/controls',
    label: (t) => t.controls.nav,
    visible: (v) => v.actor.organisationKind !== 'company' && v.ability.can('read', 'ControlCoverage'),
    pages: true,
  },
  {
    slot: 'council',
    href: '/council',
    label: (t) => t.nav.council,
    visible: (v) => v.ability.can('read', 'CouncilReportItem'),
    pages: true,
  },
  {
    // 事業者のリスク区分: the municipality's staff, from the records
    slot: 'companies',
    href: '/companies',
    label: (t) => t.companies.nav,
    visible: (v) => v.actor.organisationKind !== 'company' && v.ability.can('read', 'CompanyStanding'),
    pages: true,
  },
  {
    slot: 'suspensions',
    href: '/suspensions',
    label: (t) => t.suspensions.nav,
    visible: (v) => v.actor.organisationKind !== 'company' && v.ability.can('read', 'Suspension'),
    pages: true,
  },
  {
    slot: 'users',
    href: '/users',
    label: (t) => t.users.nav,
    // a ward's manager and a company's manager keep their own organisation's accounts
    visible: (v) => grantableRoles(v).length > 0,
    pages: true,
  },
  {
    slot: 'ward-settings',
    href: '/settings/ward',
    label: (t) => t.security.ward.nav,
    visible: (v) =>
      v.actor.wardId !== null &&
      v.ability.can('update', asSubject('WardSettings', { wardId: v.actor.wardId })),
    pages: true,
  },
  {
    // Webhook の送信先: a ward's 係長・課長, a company's managers
    slot: 'webhooks',
    href: '/settings/webhooks',
    label: (t) => t.webhooks.nav,
    visible: (v) => v.ability.can('read', 'WebhookEndpoint') && v.actor.organisationKind !== 'operator',
    pages: true,
  },
  {
    slot: 'security',
    href: '/account/security',
    label: (t) => t.security.nav,
    visible: () => true,
    pages: true,
  },
];

/** The entries this viewer sees: features with pages that the policies let them read. */
export function navFor(viewer: Viewer): NavEntry[] {
  return NAV.filter((e) => e.pages && e.visible(viewer));
}

/** The entry a path belongs to, for aria-current. */
export function currentSlot(path: string): string {
  const match = NAV.filter((e) => e.href !== '/' && (path === e.href || path.startsWith(`${e.href}/`)));
  return match[0]?.slot ?? (path === '/' ? 'dashboard' : '');
}
