import { type Action, type AppAbility, asSubject, type SubjectType } from '../../../policies/app-ability.js';
import { ForbiddenError, NotFoundError } from './errors.js';

const subjectNames: Record<string, { en: string; ja: string }> = {
  Organisation: { en: 'Organisation', ja: '組織' },
  WardSettings: { en: '{Self} settings', ja: '{self}の設定' },
  Department: { en: 'Department', ja: '所管課' },
  User: { en: 'User', ja: '利用者' },
  AuditEntry: { en: 'Audit entry', ja: '監査記録' },
  Contract: { en: 'Contract', ja: '契約' },
  ContractProvisions: { en: 'Special provisions', ja: '特記事項' },
  DataItemCatalogue: { en: 'Catalogue item', ja: '情報項目の候補' },
  HandlerList: { en: 'Handler list', ja: '取扱者名簿' },
  Handler: { en: 'Handler', ja: '取扱者' },
  Attachment: { en: 'Attachment', ja: '添付ファイル' },
  Approval: { en: 'Approval', ja: '承認申請' },
  Suspension: { en: 'Suspension', ja: '指名停止' },
  CouncilMeeting: { en: 'Council meeting', ja: '審議会' },
  CouncilReportItem: { en: 'Council report item', ja: '審議会報告事項' },
  ChecklistTemplate: { en: 'Checklist template', ja: 'チェックリスト様式' },
  Inspection: { en: 'Inspection', ja: '実地検査' },
  Finding: { en: 'Finding', ja: '指摘事項' },
  MonitoringReport: { en: 'Monitoring report', ja: 'モニタリング報告書' },
  HandoverPackage: { en: 'Handover package', ja: '受渡データ' },
  ErasureRecord: { en: 'Erasure record', ja: '消去記録' },
  ErasureCertificate: { en: 'Erasure certificate', ja: '消去証明書' },
  ComplianceReport: { en: 'Compliance report', ja: '遵守状況報告書' },
  Incident: { en: 'Incident', ja: '事故報告' },
  PriorApproval: { en: 'Prior approval', ja: '事前承認' },
  ReportRequest: { en: 'Report request', ja: '報告の求め' },
  Notification: { en: 'Notification', ja: '通知' },
  CouncilSummary: { en: 'Council summary', ja: '審議会向け集計' },
  OperationalReport: { en: 'Operational report', ja: '業務報告' },
  RegularMeeting: { en: 'Regular meeting', ja: '定例会議' },
  ImprovementRecommendation: { en: 'Improvement recommendation', ja: '改善勧告' },
  AccessLogReview: { en: 'Access-log review', ja: 'アクセスログの確認' },
  CompanyCertification: { en: 'Certification', ja: '認証' },
  ContractReview: { en: 'Contract review', ja: '契約の見直し' },
  ControlCoverage: { en: 'Control coverage', ja: '統制項目の充足状況' },
  WebhookEndpoint: { en: 'Webhook endpoint', ja: 'Webhook の送信先' },
  AnswerLink: { en: 'Answer link', ja: '回答用リンク' },
};

export function subjectName(type: string): { en: string; ja: string } {
  return subjectNames[type] ?? { en: type, ja: type };
}

/** Names of the parts (CASL fields) a permission may be limited to, for refusals. */
const partNames: Record<string, { en: string; ja: string }> = {
  lifecycle: { en: 'its course', ja: '手続の進行' },
  items: { en: 'its checklist items', ja: '確認項目' },
  improvementReport: { en: 'the improvement report', ja: '改善報告' },
  handover: { en: 'the handover', ja: '受渡し' },
  return: { en: 'the receipt of its return', ja: '返却の受領' },
  verify: { en: 'the hash check', ja: 'ハッシュ確認' },
  approveTakeOut: { en: 'the approval of a take-out', ja: '持出しの承認' },
  withdraw: { en: 'the withdrawal', ja: '取下げ' },
  store: { en: 'its storage', ja: '保管' },
  takeOut: { en: 'a take-out', ja: '持出し' },
  // 改善勧告 and 報告の求め both have a written answer
  answer: { en: 'the written answer', ja: '回答・報告' },
  decision: { en: 'the decision', ja: '確認・差戻し' },
  request: { en: 'the request (accept, send back, withdraw)', ja: '報告の求め（受理・差戻し・取下げ）' },
};

/**
 * Checks `action` on one record, or on one part of it (a CASL field: an assistant may record items
 * but not submit, a company may write its improvement report but nothing else). A record the actor
 * may not even read is reported as not found, so its existence does not leak; one it may read but
 * not change (in that part), or may not create, is forbidden.
 */
export function authorize<T extends object>(
  ability: AppAbility,
  action: Action,
  type: Exclude<SubjectType, 'all'>,
  record: T,
  part?: string,
): void {
  const tagged = asSubject(type, record);
  if (ability.can(action, tagged, part)) return;
  const name = subjectName(type);
  // A record being created does not exist yet, so there is nothing whose existence could leak.
  if (action === 'create' || (action !== 'read' && ability.can('read', tagged))) {
    const partName = part ? (partNames[part] ?? { en: part, ja: part }) : undefined;
    throw new ForbiddenError(
      partName
        ? {
            en: `You may not ${action} ${partName.en} of this ${name.en.toLowerCase()}`,
            ja: `この${name.ja}の${partName.ja}を行う権限がありません`,
          }
        : {
            en: `You may not ${action} this ${name.en.toLowerCase()}`,
            ja: `この${name.ja}に対する操作（${action}）は許可されていません`,
          },
    );
  }
  throw new NotFoundError({ en: `${name.en} not found`, ja: `${name.ja}が見つかりません` });
}

/** Checks an action that needs no particular record, such as creating one of a type. */
export function authorizeType(ability: AppAbility, action: Action, type: Exclude<SubjectType, 'all'>): void {
  if (ability.can(action, type)) return;
  const name = subjectName(type);
  throw new ForbiddenError({
    en: `You may not ${action} ${name.en.toLowerCase()} records`,
    ja: `${name.ja}に対する操作（${action}）は許可されていません`,
  });
}
