import { Buffer } from 'node:buffer';
import type { JapaneseFontFiles } from '../pdf/fonts.js';

// The PDFs' Noto Sans JP on Workers: the two files (11 MB) are static assets rather than part of
// the bundle, which keeps the upload well under the size limit and the isolate's start short. They
// are read through the ASSETS binding the first time an isolate draws a PDF, and handed to
// react-pdf as data: URLs (the one form its browser build reads without a network fetch).

export interface AssetFetcher {
  fetch(request: Request | string): Promise<Response>;
}

async function dataUrl(assets: AssetFetcher, path: string): Promise<string> {
  const res = await assets.fetch(`https://assets.invalid${path}`);
  if (!res.ok)
    throw new Error(`static asset ${path}: ${res.status} (was scripts/build-worker-assets.mjs run?)`);
  return `data:font/ttf;base64,${Buffer.from(await res.arrayBuffer()).toString('base64')}`;
}

/** The font files from the Worker's static assets, as react-pdf reads them. */
export async function workerFontFiles(assets: AssetFetcher): Promise<JapaneseFontFiles> {
  const [regular, bold] = await Promise.all([
    dataUrl(assets, '/assets/fonts/noto-sans-jp-400.ttf'),
    dataUrl(assets, '/assets/fonts/noto-sans-jp-700.ttf'),
  ]);
  return { regular, bold };
}
