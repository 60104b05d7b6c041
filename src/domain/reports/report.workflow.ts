import type { Answers } from '../../../forms/compliance-report/compliance-report.form.js';
import { validateAnswers } from '../../../forms/compliance-report/compliance-report.form.js';
import { storedUserId } from '../../../policies/actor.js';
import { complianceReportMachine } from '../../../workflows/compliance-report/compliance-report.machine.js';
import { loadMunicipalityWords } from '../organisations/municipality-words.js';
import { ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { signOffContext } from '../shared/stored-snapshot.js';
import type { Command, Workflow } from '../shared/workflow.js';
import { type ComplianceReport, findReport } from './report.repository.js';
import { discrepanciesOf, gatherFacts, prefillFrom } from './report-facts.js';

// 遵守状況報告 (別紙5) on the shared step runner: the contractor saves and submits its answers; the
// ward receives (受付), signs off or returns the report.

export type ReportCommand = 'save' | 'submit' | 'receive' | 'sign' | 'return';

export interface ReportCommandInput {
  answers?: Answers;
  comment?: string | null;
}

export const REPORT_MACHINE_VERSION = 1;

export const reportWorkflow: Workflow<ComplianceReport> = {
  machine: complianceReportMachine,
  version: REPORT_MACHINE_VERSION,
  subject: 'ComplianceReport',
  name: { en: 'Compliance report', ja: '遵守状況報告書' },
  table: 'compliance_reports',
  auditPrefix: 'compliance_report',
  load: findReport,
  context: signOffContext,
  persist: (context) => ({ step: context.step }),
  signOff: {
    steps: 'compliance_report_steps',
    position: (r) => r,
    stamps: { startedBy: ['receive'], signedBy: 'sign', awaitedIn: ['received'] },
  },
  auditState: (r) => ({ status: r.status, step: r.step, version: r.version }),
  stateNames: {
    issued: { en: 'issued', ja: '未回答' },
    draft: { en: 'a draft', ja: '回答中（下書き）' },
    submitted: { en: 'submitted', ja: '提出済み（受付待ち）' },
    returned: { en: 'returned for correction', ja: '差戻し' },
    received: { en: 'received', ja: '受付済み（決裁中）' },
    signed_off: { en: 'signed off', ja: '決裁済み' },
  },
};

type ReportStep = Command<ComplianceReport, ReportCommandInput, ReportFacts>;
type ReportFacts = { answers: Answers };

const comment = (input: ReportCommandInput) => input.comment ?? null;
const discrepancyCount = ({ after }: { after: ComplianceReport }) => ({
  after: { discrepancies: after.discrepancies.length },
});

/** The ward's steps: the sign-off decides whose turn it is. */
function wardStep(
  name: 'receive' | 'sign' | 'return',
  label: ReportStep['label'],
  signs: 'first' | 'current',
): ReportStep {
  const type = name === 'receive' ? 'RECEIVE' : name === 'sign' ? 'SIGN' : 'RETURN';
  return {
    name,
    label,
    can: { action: 'sign' },
    signs,
    step: { comment },
    event: ({ role }) => ({ type, role }),
    audit: discrepancyCount,
  };
}

export const reportCommands: Record<ReportCommand, ReportStep> = {
  save: {
    name: 'save',
    label: { en: 'save a draft', ja: '一時保存' },
    can: { action: 'update' },
    stepRole: 'contractor',
    step: { comment },
    event: () => ({ type: 'SAVE_DRAFT' }),
    apply: ({ input, record }) => ({ answers: JSON.stringify(input.answers ?? record.answers) }),
    audit: discrepancyCount,
  },
  submit: {
    name: 'submit',
    label: { en: 'submit', ja: '提出' },
    can: { action: 'update' },
    stepRole: 'contractor',
    step: { comment },
    // What is missing is said field by field; the machine hears whether the answers are complete.
    check: ({ input, record }) => {
      const errors = validateAnswers(input.answers ?? record.answers);
      if (!errors.length) return;
      throw new ValidationError(
        { en: 'The report is not complete', ja: '報告書の記入内容が不足しています' },
        errors.map((e) => ({
          path: `answers.${e.question}.${e.field}`,
          message: e.message,
          message_ja: e.message_ja,
        })),
      );
    },
    event: ({ input, record }) => ({
      type: 'SUBMIT',
      complete: input === undefined || validateAnswers(input.answers ?? record.answers).length === 0,
    }),
    // The discrepancies between the answers and the records, for the reviewer.
    // The facts are kept with the prefill they gave, so the reviewer reads what the contractor saw
    // (and a certificate's copy cited from the records stays reachable through its certification).
    apply: async ({ tx, ctx, record, input, now }) => {
      const answers = input.answers ?? record.answers;
      const facts = await gatherFacts(tx, record);
      return {
        answers: JSON.stringify(answers),
        submitted_at: now,
        submitted_by: storedUserId(ctx.actor),
        prefill: JSON.stringify(prefillFrom(facts)),
        discrepancies: JSON.stringify(
          discrepanciesOf(answers, facts, await loadMunicipalityWords(tx, record.wardId)),
        ),
      };
    },
    audit: discrepancyCount,
  },
  receive: {
    ...wardStep('receive', { en: 'receive', ja: '受付' }, 'first'),
    apply: ({ now }) => ({ received_on: toJapanDate(now) }),
  },
  sign: wardStep('sign', { en: 'sign off', ja: '決裁' }, 'current'),
  return: {
    ...wardStep('return', { en: 'return for correction', ja: '差戻し' }, 'current'),
    apply: ({ input }) => ({ return_comment: input.comment ?? null }),
  },
};
