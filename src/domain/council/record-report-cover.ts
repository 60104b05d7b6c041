import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound, ValidationError } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';
import { type CouncilReportItem, toItem } from './council-items.js';
import { checkReportCover, type ReportCover } from './report-cover.js';
import { loadParts } from './report-cover.repository.js';

// 表紙・事業の概要・一括契約の内訳: the ward officer records on a report item what the approval
// cannot fill in (issue 16). One transaction with its audit entry; a stale version is a 409.

const blankToNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** Trims what a person typed: blank texts are none, a selection without a method is kept to be refused. */
export function normaliseCover(input: ReportCover): ReportCover {
  return {
    ordinanceArticle: blankToNull(input.ordinanceArticle),
    outsourcingKinds: input.outsourcingKinds,
    overview: {
      purpose: blankToNull(input.overview.purpose),
      targetPeople: blankToNull(input.overview.targetPeople),
      description: blankToNull(input.overview.description),
    },
    meetingOn: blankToNull(input.meetingOn),
    contractorSelection: input.contractorSelection
      ? {
          method: input.contractorSelection.method.trim(),
          decisionNote: blankToNull(input.contractorSelection.decisionNote),
        }
      : null,
    parts: input.parts.map((p) => ({
      ...p,
      name: p.name.trim(),
      priorApproval: blankToNull(p.priorApproval),
    })),
  };
}

/**
 * Records the cover sheet, 事業の概要, the meeting date, the selection still under way and the
 * bundled parts of a report item, replacing what was recorded. Refused with 422 (nothing written)
 * when the cover does not hold; 409 on a stale version; an item the actor may not read is a 404.
 */
export async function recordReportCover(
  ctx: UseCaseContext,
  id: string,
  input: ReportCover,
  expectedVersion: number,
): Promise<CouncilReportItem> {
  const cover = normaliseCover(input);
  return inTransaction(ctx, async ({ tx, audit }) => {
    const row = await tx
      .selectFrom('council_report_items')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('Council report item', '審議会報告事項');
    const parts = (await loadParts(tx, [row.ward_id], [row.id])).get(row.id) ?? [];
    const before = toItem(row, parts);
    authorize(ctx.ability, 'update', 'CouncilReportItem', before);
    checkVersion('審議会報告事項 / Council report item', expectedVersion, before.version);
    const errors = checkReportCover(cover);
    if (errors.length) {
      throw new ValidationError(
        { en: 'The report cover cannot be recorded', ja: '報告事項の表紙・概要を記録できません' },
        errors,
      );
    }
    const updated = await tx
      .updateTable('council_report_items')
      .set({
        ordinance_article: cover.ordinanceArticle,
        outsourcing_kinds: cover.outsourcingKinds,
        purpose: cover.overview.purpose,
        target_people: cover.overview.targetPeople,
        overview: cover.overview.description,
        meeting_on: cover.meetingOn,
        contractor_selection: cover.contractorSelection?.method ?? null,
        contractor_decision_note: cover.contractorSelection?.decisionNote ?? null,
        version: before.version + 1,
      })
      .where('ward_id', '=', before.wardId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx
      .deleteFrom('council_report_item_parts')
      .where('ward_id', '=', before.wardId)
      .where('item_id', '=', id)
      .execute();
    if (cover.parts.length) {
      await tx
        .insertInto('council_report_item_parts')
        .values(
          cover.parts.map((p, i) => ({
            ward_id: before.wardId,
            item_id: id,
            position: i + 1,
            name: p.name,
            handles_personal_info: p.personalInfo,
            prior_approval: p.priorApproval,
            newly_added: p.newlyAdded,
          })),
        )
        .execute();
    }
    const after = toItem(updated, cover.parts);
    await audit({
      wardId: before.wardId,
      action: 'council_item.record_cover',
      subjectType: 'CouncilReportItem',
      subjectId: id,
      before: before.cover,
      after: after.cover,
    });
    return after;
  });
}
