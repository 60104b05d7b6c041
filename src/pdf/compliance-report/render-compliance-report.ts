import { renderToBuffer } from '@react-pdf/renderer';
import { createElement as h } from 'react';
import type { UseCaseContext } from '../../domain/shared/context.js';
import { registerJapaneseFont } from '../fonts.js';
import { ComplianceReportDocument } from './compliance-report-document.js';
import { gatherComplianceReport, type ReportWithSteps } from './gather-compliance-report.js';

/** 別紙5 as a PDF: the answers as submitted (or the draft), and the ward's part as signed. */
export async function renderComplianceReportPdf(
  ctx: Pick<UseCaseContext, 'db'>,
  report: ReportWithSteps,
): Promise<Uint8Array> {
  registerJapaneseFont();
  const data = await gatherComplianceReport(ctx.db, report);
  const buffer = await renderToBuffer(
    h(ComplianceReportDocument, { data, answers: report.answers, period: report.period }) as never,
  );
  return new Uint8Array(buffer);
}
