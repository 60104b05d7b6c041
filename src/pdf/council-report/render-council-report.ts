import { createElement as h } from 'react';
import type { CouncilReportData } from '../../domain/council/read-council-report.js';
import { renderPdf } from '../render-pdf.js';
import { CouncilReportDocument } from './council-report-document.js';

/** Draws a report item (報告事項) from the data readCouncilReport gathered. */
export async function renderCouncilReportPdf(data: CouncilReportData): Promise<Uint8Array> {
  return renderPdf(
    h(CouncilReportDocument, {
      wardName: data.wardName,
      selfWord: data.selfWord,
      meeting: data.meeting,
      content: data.content,
    }),
  );
}
