import { renderToBuffer } from '@react-pdf/renderer';
import { createElement as h } from 'react';
import type { ComplianceReportFormData } from '../../domain/reports/read-compliance-report-form.js';
import { registerJapaneseFont } from '../fonts.js';
import { ComplianceReportDocument } from './compliance-report-document.js';

/** Draws 別紙5 from the data readComplianceReportForm gathered. */
export async function renderComplianceReportPdf(data: ComplianceReportFormData): Promise<Uint8Array> {
  registerJapaneseFont();
  const buffer = await renderToBuffer(h(ComplianceReportDocument, { data }) as never);
  return new Uint8Array(buffer);
}
