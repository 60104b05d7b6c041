import type { Selectable } from 'kysely';
import { accessibleBy, type FieldMap } from '../../../policies/rules-to-sql.js';
import type { CouncilReportItemsTable } from '../../db/tables/approvals.js';
import { actingWard } from '../shared/acting-ward.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound, ValidationError } from '../shared/errors.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { type ListSort, likePattern, sortedPage } from '../shared/sorted-list.js';
import { checkVersion } from '../shared/versioning.js';
import type { CouncilReportContent } from './council-report-content.js';
import type { BundledPart, ReportCover } from './report-cover.js';
import { coverOf, loadParts } from './report-cover.repository.js';

// Council meetings (審議会) and the report items (報告事項) presented at them. Council reviewers
// read; the privacy officer schedules meetings and puts items on their agenda.

const meetingFields: FieldMap = { wardId: 'council_meetings.ward_id' };
const itemFields: FieldMap = { wardId: 'council_report_items.ward_id' };

export interface CouncilReportItem {
  id: string;
  wardId: string;
  approvalId: string;
  meetingId: string | null;
  kind: 'delegation' | 'subdelegation';
  title: string;
  content: CouncilReportContent;
  /** What the ward officer recorded: cover sheet, 事業の概要, 会議日, 選定方法, bundled parts. */
  cover: ReportCover;
  createdAt: Date;
  version: number;
}

export async function listMeetings(ctx: UseCaseContext) {
  const rows = await ctx.db
    .selectFrom('council_meetings')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'CouncilMeeting', meetingFields))
    .orderBy('held_on', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    wardId: r.ward_id,
    title: r.title,
    heldOn: r.held_on,
    version: r.version,
  }));
}

export async function createMeeting(ctx: UseCaseContext, input: { title: string; heldOn: string }) {
  const wardId = actingWard(ctx.actor);
  authorize(ctx.ability, 'create', 'CouncilMeeting', { wardId });
  return inTransaction(ctx, async ({ tx, audit }) => {
    const row = await tx
      .insertInto('council_meetings')
      .values({ ward_id: wardId, title: input.title, held_on: input.heldOn })
      .returningAll()
      .executeTakeFirstOrThrow();
    const meeting = {
      id: row.id,
      wardId: row.ward_id,
      title: row.title,
      heldOn: row.held_on,
      version: row.version,
    };
    await audit({
      wardId,
      action: 'council_meeting.create',
      subjectType: 'CouncilMeeting',
      subjectId: row.id,
      after: meeting,
    });
    return meeting;
  });
}

export function toItem(r: Selectable<CouncilReportItemsTable>, parts: BundledPart[] = []): CouncilReportItem {
  return {
    id: r.id,
    wardId: r.ward_id,
    approvalId: r.approval_id,
    meetingId: r.meeting_id,
    kind: r.kind,
    title: r.title,
    content: r.content as CouncilReportContent,
    cover: coverOf(r, parts),
    createdAt: r.created_at,
    version: r.version,
  };
}

export const REPORT_ITEM_SORT_KEYS = ['title', 'kind', 'createdAt'] as const;
export type ReportItemSortKey = (typeof REPORT_ITEM_SORT_KEYS)[number];

const ITEM_SORT_COLUMNS: Record<ReportItemSortKey, string> = {
  title: 'council_report_items.title',
  kind: 'council_report_items.kind',
  createdAt: `to_char(council_report_items.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
};

/** Report items the actor may read (the rules in SQL): one meeting's, or those on no agenda yet. */
export async function listReportItems(
  ctx: UseCaseContext,
  query: {
    meetingId?: string;
    unassigned?: boolean;
    /** Words in the item's title (件名). */
    q?: string;
    sort?: ListSort<ReportItemSortKey>;
    cursor?: string;
    limit: number;
  },
): Promise<Page<CouncilReportItem>> {
  let q = ctx.db
    .selectFrom('council_report_items')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'CouncilReportItem', itemFields));
  if (query.meetingId) q = q.where('meeting_id', '=', query.meetingId);
  if (query.unassigned) q = q.where('meeting_id', 'is', null);
  if (query.q) q = q.where('council_report_items.title', 'ilike', likePattern(query.q));
  let page: Page<Selectable<CouncilReportItemsTable>>;
  if (query.sort) {
    page = await sortedPage(
      q,
      ITEM_SORT_COLUMNS,
      'council_report_items.id',
      query.sort,
      query.cursor,
      query.limit,
      (r) => r,
    );
  } else {
    // by default the oldest first, by (created_at, id)
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, 2);
      q = q.where((eb) =>
        after(eb, ['council_report_items.created_at', 'council_report_items.id'], [createdAt, id]),
      );
    }
    const rows = await q
      .orderBy('created_at')
      .orderBy('id')
      .limit(query.limit + 1)
      .execute();
    page = toPage(
      rows,
      query.limit,
      (r) => [r.created_at.toISOString(), r.id],
      (r) => r,
    );
  }
  const parts = await loadParts(
    ctx.db,
    page.items.map((r) => r.ward_id),
    page.items.map((r) => r.id),
  );
  return { items: page.items.map((r) => toItem(r, parts.get(r.id))), nextCursor: page.nextCursor };
}

export async function getReportItem(ctx: UseCaseContext, id: string): Promise<CouncilReportItem> {
  const row = await ctx.db
    .selectFrom('council_report_items')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Council report item', '審議会報告事項');
  const item = toItem(row, (await loadParts(ctx.db, [row.ward_id], [row.id])).get(row.id));
  authorize(ctx.ability, 'read', 'CouncilReportItem', item);
  return item;
}

/** Puts an item on a meeting's agenda (or takes it off with null). */
export async function assignToMeeting(
  ctx: UseCaseContext,
  id: string,
  meetingId: string | null,
  expectedVersion: number,
) {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const row = await tx
      .selectFrom('council_report_items')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('Council report item', '審議会報告事項');
    const before = toItem(row, (await loadParts(tx, [row.ward_id], [row.id])).get(row.id));
    authorize(ctx.ability, 'update', 'CouncilReportItem', before);
    checkVersion('審議会報告事項 / Council report item', expectedVersion, before.version);
    if (meetingId) {
      const meeting = await tx
        .selectFrom('council_meetings')
        .select('id')
        .where('ward_id', '=', before.wardId)
        .where('id', '=', meetingId)
        .executeTakeFirst();
      if (!meeting) {
        throw new ValidationError({ en: 'Unknown meeting', ja: '審議会が見つかりません' }, [
          {
            path: 'meetingId',
            message: 'not a meeting of this {self}',
            message_ja: 'この{self}の審議会ではありません',
          },
        ]);
      }
    }
    const updated = await tx
      .updateTable('council_report_items')
      .set({ meeting_id: meetingId, version: before.version + 1 })
      .where('ward_id', '=', before.wardId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      wardId: before.wardId,
      action: 'council_item.assign',
      subjectType: 'CouncilReportItem',
      subjectId: id,
      before: { meetingId: before.meetingId },
      after: { meetingId },
    });
    return toItem(updated, before.cover.parts);
  });
}
