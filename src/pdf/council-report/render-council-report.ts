import { createElement as h } from 'react';
import type { CouncilReportData } from '../../domain/council/read-council-report.js';
import { renderPdf } from '../render-pdf.js';
import { CouncilReportDocument } from './council-report-document.js';

/** Draws the council report (表紙, 事業の概要, 報告事項) from the data readCouncilReport gathered. */
export async function renderCouncilReportPdf(data: CouncilReportData): Promise<Uint8Array> {
  return renderPdf(h(CouncilReportDocument, data));
}
