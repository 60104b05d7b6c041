import {
  OPERATIONAL_REPORT_MACHINE_VERSION,
  operationalReportMachine,
} from '../../../workflows/operational-report/operational-report.machine.js';
import { type FieldError, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { signOffContext } from '../shared/stored-snapshot.js';
import type { Command, Workflow } from '../shared/workflow.js';
import { findOperationalReport, type OperationalReport } from './operational-report.repository.js';

// 業務報告 on the shared step runner: the contractor submits what was requested (or files an ad-hoc
// report, file-adhoc-report.ts); the city receives it (受付) and, for all but a daily report, signs
// it off along its chain, or returns it for correction.

export type OperationalReportCommand = 'submit' | 'receive' | 'sign' | 'return';

export interface OperationalReportInput {
  results?: string | null;
  serviceLevel?: string | null;
  issues?: string | null;
  body?: string | null;
  comment?: string | null;
}

export const operationalReportWorkflow: Workflow<OperationalReport> = {
  machine: operationalReportMachine,
  version: OPERATIONAL_REPORT_MACHINE_VERSION,
  subject: 'OperationalReport',
  name: { en: 'Operational report', ja: '業務報告' },
  table: 'operational_reports',
  auditPrefix: 'operational_report',
  load: findOperationalReport,
  context: (r) => ({ ...signOffContext(r), receiptOnly: r.receiptOnly }),
  persist: (context) => ({ step: context.step }),
  signOff: {
    steps: 'operational_report_steps',
    position: (r) => r,
    stamps: { startedBy: ['receive'], signedBy: 'sign', awaitedIn: ['received'] },
  },
  auditState: (r) => ({ status: r.status, step: r.step, version: r.version }),
  stateNames: {
    issued: { en: 'not yet submitted', ja: '未提出' },
    returned: { en: 'returned for correction', ja: '差戻し' },
    submitted: { en: 'submitted', ja: '提出済み（受付待ち）' },
    received: { en: 'received', ja: '受付済み（決裁中）' },
    signed_off: { en: 'signed off', ja: '決裁済み' },
    accepted: { en: 'received', ja: '受付済み' },
  },
};

type Step = Command<OperationalReport, OperationalReportInput>;

const trimmed = (v: string | null | undefined) => v?.trim() || null;

/** What each kind of report must say (seed 004 4(4)②ア〜ウ). */
export function missingContents(
  kind: OperationalReport['kind'],
  values: Pick<OperationalReportInput, 'results' | 'serviceLevel' | 'issues' | 'body'>,
): FieldError[] {
  const need = (path: keyof typeof values, ja: string): FieldError[] =>
    trimmed(values[path]) ? [] : [{ path, message: 'required', message_ja: ja }];
  if (kind === 'adhoc') return need('body', '報告の内容を入力してください');
  if (kind === 'daily') return need('results', '当日の業務実績を入力してください');
  return [
    ...need('results', `${kind === 'monthly' ? '月間' : '年間'}業務実績を入力してください`),
    ...need('serviceLevel', 'サービス水準の達成状況を入力してください'),
    ...(kind === 'yearly' ? need('body', '研修内容及び実績を入力してください') : []),
  ];
}

const merged = (record: OperationalReport, input: OperationalReportInput | undefined) => ({
  results: input?.results !== undefined ? input.results : record.results,
  serviceLevel: input?.serviceLevel !== undefined ? input.serviceLevel : record.serviceLevel,
  issues: input?.issues !== undefined ? input.issues : record.issues,
  body: input?.body !== undefined ? input.body : record.body,
});

/** The city's steps: the sign-off decides whose turn it is. */
function cityStep(
  name: 'receive' | 'sign' | 'return',
  label: Step['label'],
  signs: 'first' | 'current',
  type: 'RECEIVE' | 'SIGN' | 'RETURN',
): Step {
  return {
    name,
    label,
    can: { action: 'sign' },
    signs,
    step: { comment: (input) => input.comment ?? null },
    event: ({ role }) => ({ type, role }),
  };
}

export const operationalReportCommands: Record<OperationalReportCommand, Step> = {
  submit: {
    name: 'submit',
    label: { en: 'submit', ja: '提出' },
    can: { action: 'update' },
    stepRole: 'contractor',
    step: { comment: (input) => input.comment ?? null },
    check: ({ record, input }) => {
      const errors = missingContents(record.kind, merged(record, input));
      if (errors.length)
        throw new ValidationError(
          { en: 'The report is not complete', ja: '報告書の記入内容が不足しています' },
          errors,
        );
    },
    event: ({ record, input }) => ({
      type: 'SUBMIT',
      complete: input === undefined || missingContents(record.kind, merged(record, input)).length === 0,
    }),
    apply: ({ record, input, ctx, now }) => {
      const values = merged(record, input);
      return {
        results: trimmed(values.results),
        service_level: trimmed(values.serviceLevel),
        issues: trimmed(values.issues),
        body: trimmed(values.body),
        submitted_at: now,
        submitted_by: ctx.actor.userId,
      };
    },
  },
  receive: {
    ...cityStep('receive', { en: 'receive', ja: '受付' }, 'first', 'RECEIVE'),
    apply: ({ now }) => ({ received_on: toJapanDate(now) }),
  },
  sign: cityStep('sign', { en: 'sign off', ja: '決裁' }, 'current', 'SIGN'),
  return: {
    ...cityStep('return', { en: 'return for correction', ja: '差戻し' }, 'current', 'RETURN'),
    check: ({ input }) => {
      if (!input.comment?.trim())
        throw new ValidationError(
          { en: 'Say what must be corrected', ja: '差戻しの理由を入力してください' },
          [{ path: 'comment', message: 'required', message_ja: '差戻しの理由を入力してください' }],
        );
    },
    apply: ({ input }) => ({ return_comment: input.comment?.trim() ?? null }),
  },
};
