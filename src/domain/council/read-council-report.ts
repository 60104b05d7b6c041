import { municipalityWords } from '../organisations/municipality-words.js';
import type { UseCaseContext } from '../shared/context.js';
import { type Plain, toPlain } from '../shared/plain.js';
import { getReportItem } from './council-items.js';
import type { CouncilReportContent } from './council-report-content.js';

/** What the report item's PDF (報告事項, src/pdf/council-report) shows. */
export type CouncilReportData = Plain<{
  id: string;
  title: string;
  wardName: string;
  /** How the municipality speaks of itself (区, 市, …). */
  selfWord: string;
  meeting: { title: string; heldOn: string } | null;
  content: CouncilReportContent;
}>;

/**
 * One council report item with the ward's name and its meeting, as its PDF shows it. Read like the
 * item itself: one the viewer may not read is not found.
 */
export async function readCouncilReport(ctx: UseCaseContext, id: string): Promise<CouncilReportData> {
  const item = await getReportItem(ctx, id);
  const ward = await ctx.db
    .selectFrom('organisations')
    .select(['name', 'municipality_kind', 'self_word', 'council_name', 'ordinance_name'])
    .where('id', '=', item.wardId)
    .executeTakeFirstOrThrow();
  const meeting = item.meetingId
    ? await ctx.db
        .selectFrom('council_meetings')
        .select(['title', 'held_on'])
        .where('ward_id', '=', item.wardId)
        .where('id', '=', item.meetingId)
        .executeTakeFirst()
    : undefined;
  return toPlain({
    id: item.id,
    title: item.title,
    wardName: ward.name,
    selfWord: municipalityWords(ward).self.ja,
    meeting: meeting ? { title: meeting.title, heldOn: meeting.held_on } : null,
    content: item.content,
  });
}
