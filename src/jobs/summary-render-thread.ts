import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { CouncilSummary } from '../domain/summaries/build-summary.js';

// Node only: each council-summary PDF is drawn in a worker thread, so that react-pdf's seconds of
// layout do not stall the server's other requests. The worker loads the TypeScript sources through
// tsx, as `npm start` does. (The Worker entry draws inline after its response instead.)

const require = createRequire(import.meta.url);
const WORKER = new URL('../pdf/council-summary/render-worker.ts', import.meta.url).href;

/** Renders one summary in a worker thread and hands back the PDF's bytes. */
export function renderSummaryInWorker(summary: CouncilSummary): Promise<Uint8Array> {
  // require.resolve finds the package's CommonJS entry; the worker imports its ES module twin
  const tsx = require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  const boot = `import(${JSON.stringify(new URL(`file://${tsx}`).href)}).then(({ tsImport }) => tsImport(${JSON.stringify(WORKER)}, ${JSON.stringify(WORKER)}))`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: { summary } });
    worker.once('message', (bytes: Uint8Array) => {
      resolve(new Uint8Array(bytes));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`summary PDF worker exited with code ${code}`)));
  });
}
