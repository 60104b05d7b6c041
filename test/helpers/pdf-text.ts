import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of every page of a PDF, as a reader would select it, for assertions on documents. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return { pages: doc.numPages, text: parts.join('\n') };
}

/**
 * Whether the first page draws a QR code: one vector path of hundreds of squares (the modules),
 * which no table border or text makes. Decoding it is left to the QR library's own tests.
 */
export async function hasQrCode(bytes: Uint8Array): Promise<boolean> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const ops = await (await doc.getPage(1)).getOperatorList();
  const sizes = ops.argsArray.map((args) => JSON.stringify(args ?? null).length);
  await doc.destroy();
  return sizes.some((n) => n > 20_000);
}
