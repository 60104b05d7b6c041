import { createElement as h } from 'react';
import type { BreachReportData } from '../../domain/incidents/read-breach-report.js';
import { renderPdf } from '../render-pdf.js';
import { BreachReportDocument } from './breach-report-document.js';

/** Draws the breach report's content (漏えい等報告書) from the data readBreachReport gathered. */
export async function renderBreachReportPdf(data: BreachReportData): Promise<Uint8Array> {
  return renderPdf(h(BreachReportDocument, { data }));
}
