import {
  AbilityBuilder,
  createMongoAbility,
  type ForcedSubject,
  type MongoAbility,
  type MongoQuery,
  subject,
} from '@casl/ability';
import type { Actor, Role } from './actor.js';
import { defineCompanyRoles } from './roles/company.js';
import { defineCouncilReviewer } from './roles/council-reviewer.js';
import { defineSystemAdmin } from './roles/system-admin.js';
import { defineWardStaff } from './roles/ward-staff.js';
import { defineAccessLogReviewRules } from './rules/access-log-reviews.js';
import { defineAnswerLinkRules } from './rules/answer-links.js';
import { defineApprovalRules } from './rules/approvals.js';
import { defineAttachmentRules } from './rules/attachments.js';
import { defineCertificationRules } from './rules/certifications.js';
import { defineContractReviewRules } from './rules/contract-reviews.js';
import { defineContractRules } from './rules/contracts.js';
import { defineDeviceRules } from './rules/devices.js';
import { defineHandoverRules } from './rules/handover.js';
import { defineInspectionRules } from './rules/inspections.js';
import { defineOperationalReportRules } from './rules/operational-reports.js';
import { definePriorApprovalRules } from './rules/prior-approvals.js';
import { defineProvisionRules } from './rules/provisions.js';
import { defineReportRequestRules } from './rules/report-requests.js';
import { defineReportRules } from './rules/reports.js';
import { defineStandingRules } from './rules/standing.js';
import { defineWebhookRules } from './rules/webhooks.js';

/** `sign`: a step of the ward's internal sign-off (決裁). */
export type Action = 'manage' | 'read' | 'create' | 'update' | 'delete' | 'sign';

/** Subject types, each a record kind the policies speak about. */
export type SubjectType =
  | 'all'
  | 'Organisation'
  // a ward's own policy: sub-contracting depth, sign-off chain, second factor
  | 'WardSettings'
  | 'Department'
  | 'User'
  | 'AuditEntry'
  | 'Contract'
  // 特記事項 of a contract: choosing its template, accepting the flow-down provisions
  | 'ContractProvisions'
  | 'DataItemCatalogue'
  // 既存記録の取込み: a file of contracts, registers or rosters brought in from Excel or paper
  | 'Import'
  | 'HandlerList'
  | 'Handler'
  | 'Attachment'
  | 'Approval'
  | 'Suspension'
  // a company's standing with the municipality (リスク区分), computed from the records
  | 'CompanyStanding'
  | 'CouncilMeeting'
  | 'CouncilReportItem'
  // on-site inspections (実地検査) and monitoring (モニタリング)
  | 'ChecklistTemplate'
  | 'Inspection'
  | 'Finding'
  | 'MonitoringReport'
  // encrypted media handover (受渡) and erasure (消去)
  | 'HandoverPackage'
  | 'ErasureRecord'
  | 'ErasureCertificate'
  // compliance reports (遵守状況報告), incidents (事故), reminders, summaries
  | 'ComplianceReport'
  | 'Incident'
  // prior approvals (事前承認): copying, other use, taking out, disposal
  | 'PriorApproval'
  // operational reports (業務報告), regular meetings (定例会議), improvement recommendations (改善勧告)
  | 'OperationalReport'
  | 'RegularMeeting'
  | 'ImprovementRecommendation'
  // アクセスログの確認 of a My Number contract (特定個人情報)
  | 'AccessLogReview'
  // 情報機器等の持込み (seed 004): devices declared and permitted in advance
  | 'DeviceDeclaration'
  // 報告の求め: a report asked of a sub-contractor by its contractor, or of a company by the ward
  | 'ReportRequest'
  // 見直し周期: a contract's review cycle and its reviews (見直し)
  | 'ContractReview'
  // the guidelines' controls: which have evidence in a contract's records (統制項目の充足状況)
  | 'ControlCoverage'
  | 'Notification'
  // a company's certifications (認証): プライバシーマーク, ISMS, ISMAP
  | 'CompanyCertification'
  // webhook endpoints a ward or a company registers for its events
  | 'WebhookEndpoint'
  // 回答用リンク: a one-time link for a company's contact without an account
  | 'AnswerLink'
  | 'CouncilSummary';

type Tagged<T> = T extends string ? Record<string, any> & ForcedSubject<T> : never;
/** A record tagged with its subject type (see asSubject), so that conditions apply to it. */
export type TaggedSubject = Tagged<Exclude<SubjectType, 'all'>>;
export type AppAbility = MongoAbility<[Action, SubjectType | TaggedSubject], MongoQuery>;
export type Builder = AbilityBuilder<AppAbility>;

type RoleDefinition = (builder: Builder, actor: Actor) => void;

const definitions: Record<Role, RoleDefinition> = {
  system_admin: defineSystemAdmin,
  ward_officer: defineWardStaff,
  ward_chief: defineWardStaff,
  ward_manager: defineWardStaff,
  inspector: defineWardStaff,
  council_reviewer: defineCouncilReviewer,
  contractor_manager: defineCompanyRoles,
  contractor_staff: defineCompanyRoles,
};

/** Builds the ability of one actor from all of its roles (rules of several roles add up). */
export function defineAbilityFor(actor: Actor): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  const seen = new Set<RoleDefinition>();
  for (const role of actor.roles) {
    const define = definitions[role];
    // Ward staff roles share one definition that itself looks at the roles held.
    if (seen.has(define)) continue;
    seen.add(define);
    define(builder, actor);
  }
  // Feature rules that look at the actor's roles themselves.
  defineAttachmentRules(builder, actor);
  defineContractRules(builder, actor);
  defineApprovalRules(builder, actor);
  defineInspectionRules(builder, actor);
  defineHandoverRules(builder, actor);
  defineReportRules(builder, actor);
  defineProvisionRules(builder, actor);
  definePriorApprovalRules(builder, actor);
  defineOperationalReportRules(builder, actor);
  defineAccessLogReviewRules(builder, actor);
  defineDeviceRules(builder, actor);
  defineReportRequestRules(builder, actor);
  defineStandingRules(builder, actor);
  defineCertificationRules(builder, actor);
  defineContractReviewRules(builder, actor);
  defineWebhookRules(builder, actor);
  defineAnswerLinkRules(builder, actor);
  return builder.build();
}

/** Tags a plain object with its subject type so that conditions apply to it. */
export function asSubject<T extends object>(type: Exclude<SubjectType, 'all'>, object: T): TaggedSubject {
  return subject(type, { ...object }) as unknown as TaggedSubject;
}

const tagged = new WeakMap<object, Map<string, TaggedSubject>>();

/**
 * asSubject, made once per record and type: "what may this person do now" asks a dozen questions
 * of each row of a list about the same record, and copying and tagging it for each was a tenth of
 * a list's CPU (issue 21's profile). Only for records read and not changed afterwards — a record
 * changed after its first question would be answered as it was.
 */
export function asSubjectOnce(type: Exclude<SubjectType, 'all'>, object: object): TaggedSubject {
  let byType = tagged.get(object);
  if (!byType) {
    byType = new Map();
    tagged.set(object, byType);
  }
  let found = byType.get(type);
  if (!found) {
    found = asSubject(type, object);
    byType.set(type, found);
  }
  return found;
}
