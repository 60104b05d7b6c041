import { createElement as h } from 'react';
import type { InspectionRecordData } from '../../domain/inspections/read-inspection-record.js';
import { renderPdf } from '../render-pdf.js';
import { InspectionRecordDocument } from './inspection-record-document.js';

/** Draws the inspection record from the data readInspectionRecord gathered. */
export async function renderInspectionRecordPdf(data: InspectionRecordData): Promise<Uint8Array> {
  return renderPdf(h(InspectionRecordDocument, data));
}
