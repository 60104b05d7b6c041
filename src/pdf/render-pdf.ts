import { pdf } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { registerJapaneseFont } from './fonts.js';

/**
 * Draws a react-pdf document into the PDF's bytes. `pdf().toBlob()` is the one way react-pdf's
 * Node and browser builds both offer (the Worker bundle gets the browser build, which has no
 * renderToBuffer); the drawing itself is the same code in both.
 */
export async function renderPdf(document: ReactElement): Promise<Uint8Array> {
  await registerJapaneseFont();
  const blob = await pdf(document as never).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
