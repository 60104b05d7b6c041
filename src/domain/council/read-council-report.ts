import { MUNICIPALITY_COLUMNS, municipalityWords } from '../organisations/municipality-words.js';
import type { UseCaseContext } from '../shared/context.js';
import { type Plain, toPlain } from '../shared/plain.js';
import { getReportItem } from './council-items.js';
import type { CouncilReportContent } from './council-report-content.js';
import type { ReportCover } from './report-cover.js';

/** What the report item's PDF (報告事項, src/pdf/council-report) shows. */
export type CouncilReportData = Plain<{
  id: string;
  title: string;
  wardName: string;
  /** How the municipality speaks of itself (区, 市, …). */
  selfWord: string;
  /**
   * The body the report goes to: the one the municipality's rules name (報告先), else its council
   * (情報公開・個人情報保護審議会, …); null when it has set neither — the PDF then says so.
   */
  reportBodyName: string | null;
  meeting: { title: string; heldOn: string } | null;
  /** 会議日: the meeting's day, or the date recorded on the item; null when neither is known. */
  meetingDate: string | null;
  /** 条例の根拠: the ordinance's name and the article (the item's, else the ward's setting). */
  ordinance: { name: string | null; article: string | null };
  content: CouncilReportContent;
  cover: ReportCover;
}>;

/**
 * One council report item with the ward's name, its council, ordinance and meeting, as its PDF
 * shows it. Read like the item itself: one the viewer may not read is not found.
 */
export async function readCouncilReport(ctx: UseCaseContext, id: string): Promise<CouncilReportData> {
  const item = await getReportItem(ctx, id);
  const ward = await ctx.db
    .selectFrom('organisations')
    .select(['name', 'settings', ...MUNICIPALITY_COLUMNS])
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
  const words = municipalityWords(ward);
  return toPlain({
    id: item.id,
    title: item.title,
    wardName: ward.name,
    selfWord: words.self.ja,
    reportBodyName: words.reportBody?.ja ?? null,
    meeting: meeting ? { title: meeting.title, heldOn: meeting.held_on } : null,
    meetingDate: meeting?.held_on ?? item.cover.meetingOn,
    ordinance: {
      name: words.ordinance,
      article: item.cover.ordinanceArticle ?? ward.settings.councilReportArticle ?? null,
    },
    content: item.content,
    cover: item.cover,
  });
}
