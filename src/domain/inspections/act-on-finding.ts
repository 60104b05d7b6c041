import { type FindingEvent, findingMachine } from '../../../workflows/inspection/finding.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';
import { checkEvidence } from './evidence.js';
import { type Finding, findFinding } from './finding.repository.js';
import { toInspection } from './inspection.repository.js';
import { authorizePart } from './inspection-access.js';

export type FindingCommand =
  | { kind: 'improvement-report'; report: string; attachmentIds?: string[] }
  | { kind: 'carry'; reason: string };

/**
 * The two steps on a finding that are not a re-check:
 * - 改善報告: the inspected company's manager reports what it improved (with evidence files);
 * - 持越し: the inspector carries an open finding with a reason, so the record can be signed off.
 * Both happen while the inspection is in progress; the finding's version guards against
 * a stale page.
 */
export async function actOnFinding(
  ctx: UseCaseContext,
  inspectionId: string,
  findingId: string,
  command: FindingCommand,
  expectedVersion: number,
): Promise<Finding> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const row = await tx
      .selectFrom('inspections')
      .selectAll()
      .where('id', '=', inspectionId)
      .forShare()
      .executeTakeFirst();
    const before = await findFinding(tx, findingId, true);
    if (!row || !before || before.inspectionId !== inspectionId || before.status === 'withdrawn')
      throw notFound('Finding', '指摘事項');
    const inspection = toInspection(row);
    if (command.kind === 'improvement-report')
      authorizePart(ctx.ability, 'update', 'Finding', before, 'improvementReport');
    else authorizePart(ctx.ability, 'update', 'Inspection', inspection, 'lifecycle');
    if (inspection.status !== 'in_progress') {
      throw new ConflictError(
        {
          en: `The inspection is ${inspection.status}; findings are followed up while it is in progress`,
          ja: `実地検査の状態が「${inspection.status}」のため、指摘事項の報告等はできません`,
        },
        { state: inspection.status },
      );
    }
    checkVersion('指摘事項 / Finding', expectedVersion, before.version);
    if (command.kind === 'improvement-report')
      await checkEvidence(ctx, tx, before.wardId, command.attachmentIds ?? [], 'attachmentIds');

    const event: FindingEvent = command.kind === 'carry' ? { type: 'CARRY' } : { type: 'REPORT_IMPROVEMENT' };
    const decision = decide(findingMachine, before.status, event);
    if (!decision.allowed) {
      throw new ConflictError(
        {
          en: `A finding that is ${before.status} cannot take ${command.kind}`,
          ja: `状態「${before.status}」の指摘事項にはこの操作（${command.kind === 'carry' ? '持越し' : '改善報告'}）はできません`,
        },
        { findingStatus: before.status },
      );
    }
    const now = ctx.now();
    await tx
      .updateTable('inspection_findings')
      .set({
        status: decision.next,
        ...(command.kind === 'improvement-report'
          ? {
              improvement_report: command.report.trim(),
              improvement_attachment_ids: command.attachmentIds ?? [],
              reported_by: ctx.actor.userId,
              reported_at: now,
            }
          : { carried_reason: command.reason.trim(), carried_by: ctx.actor.userId }),
        updated_at: now,
        version: before.version + 1,
      })
      .where('ward_id', '=', before.wardId)
      .where('id', '=', findingId)
      .execute();
    const after = (await findFinding(tx, findingId))!;
    await audit({
      wardId: before.wardId,
      action: `finding.${command.kind}`,
      subjectType: 'Finding',
      subjectId: findingId,
      before: { status: before.status, version: before.version },
      after: {
        status: after.status,
        version: after.version,
        ...(command.kind === 'carry'
          ? { reason: after.carriedReason }
          : { report: after.improvementReport, attachmentIds: after.improvementAttachmentIds }),
      },
    });
    return after;
  });
}
