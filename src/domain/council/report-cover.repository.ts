import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { CouncilReportItemsTable } from '../../db/tables/approvals.js';
import type { BundledPart, OutsourcingKind, ReportCover } from './report-cover.js';

// A report item's cover as stored: columns of council_report_items, parts in their own table.

/** The cover as stored: the item's columns and its parts in order. */
export function coverOf(row: Selectable<CouncilReportItemsTable>, parts: BundledPart[]): ReportCover {
  return {
    ordinanceArticle: row.ordinance_article,
    outsourcingKinds: row.outsourcing_kinds as OutsourcingKind[],
    overview: { purpose: row.purpose, targetPeople: row.target_people, description: row.overview },
    meetingOn: row.meeting_on,
    contractorSelection: row.contractor_selection
      ? { method: row.contractor_selection, decisionNote: row.contractor_decision_note }
      : null,
    parts,
  };
}

/** The bundled parts of the given items (of one ward), in order, by item id. */
export async function loadParts(
  db: Kysely<Database>,
  wardIds: string[],
  itemIds: string[],
): Promise<Map<string, BundledPart[]>> {
  const out = new Map<string, BundledPart[]>();
  if (!itemIds.length) return out;
  const rows = await db
    .selectFrom('council_report_item_parts')
    .selectAll()
    .where('ward_id', 'in', [...new Set(wardIds)])
    .where('item_id', 'in', itemIds)
    .orderBy('item_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.item_id) ?? [];
    list.push({
      name: r.name,
      personalInfo: r.handles_personal_info,
      priorApproval: r.prior_approval,
      newlyAdded: r.newly_added,
    });
    out.set(r.item_id, list);
  }
  return out;
}
