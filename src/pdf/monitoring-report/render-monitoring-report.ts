import { createElement as h } from 'react';
import type { MonitoringDocumentData } from '../../domain/monitoring/read-monitoring-document.js';
import { renderPdf } from '../render-pdf.js';
import { MonitoringReportDocument } from './monitoring-report-document.js';

/** Draws the monitoring report from the data readMonitoringDocument gathered. */
export async function renderMonitoringReportPdf(data: MonitoringDocumentData): Promise<Uint8Array> {
  return renderPdf(h(MonitoringReportDocument, data));
}
