import { createElement as h } from 'react';
import type { CouncilSummary } from '../../domain/summaries/build-summary.js';
import { renderPdf } from '../render-pdf.js';
import { CouncilSummaryDocument } from './council-summary-document.js';

export async function renderCouncilSummaryPdf(summary: CouncilSummary): Promise<Uint8Array> {
  return renderPdf(h(CouncilSummaryDocument, { summary }));
}
