import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

// A document's QR code read as a phone reads it: the PDF page drawn to a PNG by poppler's pdftoppm
// (apt-get install poppler-utils), the pixels decoded by jsQR. This checks what is printed, not the
// address the code was built from.

export const PDFTOPPM = '/usr/bin/pdftoppm';

/** Whether to skip: only when pdftoppm is missing and REQUIRE_BROWSER is not set (then it fails). */
export function skipPdfRendering(): boolean {
  if (existsSync(PDFTOPPM)) return false;
  if (process.env.REQUIRE_BROWSER) return false;
  console.warn(`note: QR test skipped: ${PDFTOPPM} not found (apt-get install poppler-utils)`);
  return true;
}

/** The first page of `pdf` as a PNG at `dpi`. */
export async function pdfPageToPng(pdf: Uint8Array, dpi = 200): Promise<Buffer> {
  if (!existsSync(PDFTOPPM)) throw new Error(`REQUIRE_BROWSER is set but ${PDFTOPPM} does not exist`);
  const dir = await mkdtemp(join(tmpdir(), 'pdf-qr-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await promisify(execFile)(PDFTOPPM, [
      '-png',
      '-r',
      String(dpi),
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      join(dir, 'in.pdf'),
      join(dir, 'page'),
    ]);
    return await readFile(join(dir, 'page.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of the QR code drawn in a PNG, or null when none can be read. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return code?.data ?? null;
}
