import { renderToBuffer } from '@react-pdf/renderer';
import { createElement as h } from 'react';
import type { InspectionRecordData } from '../../domain/inspections/read-inspection-record.js';
import { registerJapaneseFont } from '../fonts.js';
import { InspectionRecordDocument } from './inspection-record-document.js';

/** Draws the inspection record from the data readInspectionRecord gathered. */
export async function renderInspectionRecordPdf(data: InspectionRecordData): Promise<Uint8Array> {
  registerJapaneseFont();
  const buffer = await renderToBuffer(h(InspectionRecordDocument, data) as never);
  return new Uint8Array(buffer);
}
