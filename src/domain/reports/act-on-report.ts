import type { Answers } from '../../../forms/compliance-report/compliance-report.form.js';
import { validateAnswers } from '../../../forms/compliance-report/compliance-report.form.js';
import type { SignOffRole } from '../../../workflows/approval/approval.machine.js';
import {
  complianceReportMachine,
  type ReportEvent,
} from '../../../workflows/compliance-report/compliance-report.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { appendStep, signerRole } from '../shared/sign-off.js';
import { checkVersion } from '../shared/versioning.js';
import { type ComplianceReport, findReport } from './report.repository.js';
import { discrepanciesOf, gatherFacts } from './report-facts.js';

export type ReportCommand = 'save' | 'submit' | 'receive' | 'sign' | 'return';

const ROLE_JA: Record<SignOffRole, string> = {
  ward_officer: '担当者',
  ward_chief: '係長',
  ward_manager: '課長',
};

/**
 * The contractor saves and submits its answers; the ward receives (受付), signs off or returns the
 * report. Submitting validates what every answer calls for and records the discrepancies between
 * the answers and the records for the reviewer.
 */
export async function actOnReport(
  ctx: UseCaseContext,
  id: string,
  command: ReportCommand,
  input: { answers?: Answers; comment?: string | null },
  expectedVersion: number,
): Promise<ComplianceReport> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const before = await findReport(tx, id, true);
    if (!before) throw notFound('Compliance report', '遵守状況報告書');
    const byContractor = command === 'save' || command === 'submit';
    authorize(ctx.ability, byContractor ? 'update' : 'sign', 'ComplianceReport', before);
    checkVersion('報告書 / Report', expectedVersion, before.version);

    const answers = input.answers ?? before.answers;
    const role = signerRole(ctx.actor, before.chain, before.chain[before.step]);
    let event: ReportEvent;
    if (command === 'save') event = { type: 'SAVE_DRAFT' };
    else if (command === 'submit') {
      const errors = validateAnswers(answers);
      if (errors.length) {
        throw new ValidationError(
          { en: 'The report is not complete', ja: '報告書の記入内容が不足しています' },
          errors.map((e) => ({
            path: `answers.${e.question}.${e.field}`,
            message: e.message,
            message_ja: e.message_ja,
          })),
        );
      }
      event = { type: 'SUBMIT', complete: true };
    } else if (command === 'receive') event = { type: 'RECEIVE', role };
    else if (command === 'sign') event = { type: 'SIGN', role };
    else event = { type: 'RETURN', role };

    const decision = decide(complianceReportMachine, before.status, event, {
      chain: before.chain,
      step: before.step,
    });
    if (!decision.allowed) {
      const awaited = before.chain[before.step];
      throw new ConflictError(
        decision.reason === 'guard' && awaited && !byContractor
          ? { en: `This step awaits the ${awaited}`, ja: `この段階は${ROLE_JA[awaited]}の決裁待ちです` }
          : {
              en: `A report in state ${before.status} cannot ${command}`,
              ja: `状態「${before.status}」の報告書にはこの操作（${command}）はできません`,
            },
        { state: before.status, event: event.type, ...(awaited && { awaitedRole: awaited }) },
      );
    }

    const discrepancies =
      command === 'submit' ? discrepanciesOf(answers, await gatherFacts(tx, before)) : before.discrepancies;
    const now = ctx.now();
    await tx
      .updateTable('compliance_reports')
      .set({
        status: decision.next,
        step: decision.context.step as number,
        ...(byContractor && { answers: JSON.stringify(answers) }),
        ...(command === 'submit' && {
          submitted_at: now,
          submitted_by: ctx.actor.userId,
          discrepancies: JSON.stringify(discrepancies),
        }),
        ...(command === 'receive' && { received_on: toJapanDate(now) }),
        ...(command === 'return' && { return_comment: input.comment ?? null }),
        updated_at: now,
        version: before.version + 1,
      })
      .where('ward_id', '=', before.wardId)
      .where('id', '=', id)
      .execute();
    await appendStep(
      tx,
      { table: 'compliance_report_steps', key: 'report_id' },
      {
        wardId: before.wardId,
        recordId: id,
        role: byContractor ? 'contractor' : role,
        decision: command,
        comment: input.comment ?? null,
        userId: ctx.actor.userId,
        at: now,
      },
    );
    const after = (await findReport(tx, id))!;
    await audit({
      wardId: before.wardId,
      action: `compliance_report.${command}`,
      subjectType: 'ComplianceReport',
      subjectId: id,
      before: { status: before.status, step: before.step, version: before.version },
      after: {
        status: after.status,
        step: after.step,
        version: after.version,
        discrepancies: after.discrepancies.length,
      },
    });
    return after;
  });
}
