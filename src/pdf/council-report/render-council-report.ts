import { renderToBuffer } from '@react-pdf/renderer';
import { createElement as h } from 'react';
import type { CouncilReportItem } from '../../domain/council/council-items.js';
import type { UseCaseContext } from '../../domain/shared/context.js';
import { registerJapaneseFont } from '../fonts.js';
import { CouncilReportDocument } from './council-report-document.js';

/** Gathers what the PDF shows besides the item itself (ward name, meeting) and draws it. */
export async function renderCouncilReportPdf(
  ctx: Pick<UseCaseContext, 'db'>,
  item: CouncilReportItem,
): Promise<Uint8Array> {
  registerJapaneseFont();
  const ward = await ctx.db
    .selectFrom('organisations')
    .select('name')
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
  const buffer = await renderToBuffer(
    h(CouncilReportDocument, {
      wardName: ward.name,
      meeting: meeting ? { title: meeting.title, heldOn: meeting.held_on } : null,
      content: item.content,
    }) as never,
  );
  return new Uint8Array(buffer);
}
