import { renderToBuffer } from '@react-pdf/renderer';
import { createElement as h } from 'react';
import type { CouncilSummary } from '../../domain/summaries/build-summary.js';
import { registerJapaneseFont } from '../fonts.js';
import { CouncilSummaryDocument } from './council-summary-document.js';

export async function renderCouncilSummaryPdf(summary: CouncilSummary): Promise<Uint8Array> {
  registerJapaneseFont();
  return new Uint8Array(await renderToBuffer(h(CouncilSummaryDocument, { summary }) as never));
}
