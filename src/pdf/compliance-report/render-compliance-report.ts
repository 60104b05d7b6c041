import { createElement as h } from 'react';
import type { ComplianceReportFormData } from '../../domain/reports/read-compliance-report-form.js';
import { renderPdf } from '../render-pdf.js';
import { ComplianceReportDocument } from './compliance-report-document.js';

/** Draws 別紙5 from the data readComplianceReportForm gathered. */
export async function renderComplianceReportPdf(data: ComplianceReportFormData): Promise<Uint8Array> {
  return renderPdf(h(ComplianceReportDocument, { data }));
}
