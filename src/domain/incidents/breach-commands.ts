import {
  type BreachAnswers,
  breachRulesOf,
  breachRulesOn,
  judgeBreach,
} from '../../../forms/breach-reporting/index.js';
import { validateBreachAnswers } from '../../../forms/breach-reporting/validate.js';
import type { BreachReportKind } from '../../../workflows/incident/incident.machine.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import type { Command } from '../shared/workflow.js';
import type { Incident } from './incident.repository.js';
import type { IncidentCommandInput } from './incident.workflow.js';

// 漏えい等報告 as commands of the incident workflow, on the one step runner: the ward answers the
// questions that decide a report (the judgment's due days are stored with them, for the worklist
// and the reminders), and records the day each report — 速報, 確報, 本人通知 — was sent. Neither
// moves the incident's state; both are audited and version-checked like every step.

type Step = Command<Incident, IncidentCommandInput>;

export const BREACH_REPORT_NAMES: Record<BreachReportKind, { en: string; ja: string }> = {
  preliminary: { en: 'first report', ja: '速報' },
  final: { en: 'full report', ja: '確報' },
  notice: { en: 'notice to the people affected', ja: '本人通知' },
};

const SENT_COLUMN: Record<BreachReportKind, string> = {
  preliminary: 'preliminary_report_sent_on',
  final: 'final_report_sent_on',
  notice: 'persons_notified_on',
};

/** The judgment of an incident's stored answers, by the rules it was judged under. */
export function judgmentOf(incident: Incident) {
  const { answers, rulesVersion } = incident.breach;
  if (!answers || !rulesVersion) return null;
  const rules = breachRulesOf(rulesVersion);
  // the incident was reported by the contractor through the product: it has told the municipality
  return rules ? judgeBreach(rules, answers, toJapanDate(incident.reportedAt)) : null;
}

const assess: Step = {
  name: 'assess-breach',
  label: { en: 'answer the breach-report questions', ja: '漏えい等報告の判定' },
  can: { action: 'sign' },
  step: false,
  check: ({ input }) => {
    if (!input.breach)
      throw new ValidationError({ en: 'The answers are required', ja: '判定の質問に回答してください' }, [
        { path: 'breach', message: 'required', message_ja: '回答してください' },
      ]);
  },
  event: () => ({ type: 'ASSESS_BREACH' }),
  refusal: () =>
    new ConflictError({
      en: 'The full report (確報) has been sent: the answers it was made from stay as they are',
      ja: '確報を送付済みのため、判定の回答は変更できません',
    }),
  apply: ({ input, record, ctx, now }) => {
    const answers: BreachAnswers = {
      ...input.breach!,
      myNumberPersonsAffected: input.breach!.myNumber ? input.breach!.myNumberPersonsAffected : null,
    };
    const occurredOn = record.occurredAt ? toJapanDate(record.occurredAt) : null;
    const errors = validateBreachAnswers(answers, toJapanDate(now), occurredOn);
    if (errors.length)
      throw new ValidationError(
        { en: 'Some answers are not valid', ja: '判定の回答に誤りがあります' },
        errors.map((e) => ({ ...e, path: `breach.${e.path}` })),
      );
    const rules = breachRulesOn(answers.learnedOn);
    const judgment = judgeBreach(rules, answers, null);
    return {
      breach_answers: JSON.stringify(answers),
      breach_rules_version: rules.version,
      breach_assessed_at: now,
      breach_assessed_by: ctx.actor.userId,
      breach_report_required: judgment.municipality.required,
      preliminary_report_due_on: judgment.preliminary?.dueOn ?? null,
      final_report_due_on: judgment.final?.dueOn ?? null,
    };
  },
  audit: ({ after }) => ({ after: { breach: after.breach } }),
};

const record: Step = {
  name: 'record-breach-report',
  label: { en: 'record a breach report as sent', ja: '漏えい等報告の送付の記録' },
  can: { action: 'sign' },
  step: false,
  check: ({ input }) => {
    const kind = input.reportKind;
    if (!kind || !(kind in SENT_COLUMN))
      throw new ValidationError({ en: 'Which report?', ja: '報告の種類を選んでください' }, [
        { path: 'reportKind', message: 'required', message_ja: '報告の種類を選んでください' },
      ]);
    if (!input.sentOn)
      throw new ValidationError({ en: 'The day sent is required', ja: '送付日を入力してください' }, [
        { path: 'sentOn', message: 'required', message_ja: '送付日を入力してください' },
      ]);
  },
  event: ({ input }) => ({ type: 'RECORD_BREACH_REPORT', kind: input?.reportKind ?? 'preliminary' }),
  refusal: ({ record, input }) => {
    const name = BREACH_REPORT_NAMES[input?.reportKind ?? 'preliminary'];
    return record.breach.answers
      ? new ConflictError({
          en: `The ${name.en} is already recorded as sent`,
          ja: `${name.ja}は送付済みとして記録されています`,
        })
      : new ConflictError({
          en: 'Answer the breach-report questions first',
          ja: '先に漏えい等報告の判定の質問に回答してください',
        });
  },
  apply: ({ input, record, now }) => {
    const sentOn = input.sentOn!;
    const learnedOn = record.breach.answers?.learnedOn;
    const error =
      sentOn > toJapanDate(now)
        ? { message: 'must not be in the future', message_ja: '未来の日付は指定できません' }
        : learnedOn && sentOn < learnedOn
          ? {
              message: 'must not be before the day learned of it',
              message_ja: '覚知日より前の日付は指定できません',
            }
          : null;
    if (error)
      throw new ValidationError({ en: `The day sent ${error.message}`, ja: error.message_ja }, [
        { path: 'sentOn', ...error },
      ]);
    return { [SENT_COLUMN[input.reportKind!]]: sentOn };
  },
  audit: ({ input }) => ({
    action: `incident.breach-report.${input.reportKind}`,
    after: { reportKind: input.reportKind, sentOn: input.sentOn },
  }),
};

export const breachCommands = { 'assess-breach': assess, 'record-breach-report': record } as const;
