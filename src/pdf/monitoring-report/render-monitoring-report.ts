import { renderToBuffer } from '@react-pdf/renderer';
import { createElement as h } from 'react';
import type { MonitoringDocumentData } from '../../domain/monitoring/read-monitoring-document.js';
import { registerJapaneseFont } from '../fonts.js';
import { MonitoringReportDocument } from './monitoring-report-document.js';

/** Draws the monitoring report from the data readMonitoringDocument gathered. */
export async function renderMonitoringReportPdf(data: MonitoringDocumentData): Promise<Uint8Array> {
  registerJapaneseFont();
  const buffer = await renderToBuffer(h(MonitoringReportDocument, data) as never);
  return new Uint8Array(buffer);
}
