import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { CouncilSummary } from '../domain/summaries/build-summary.js';
import { claimNextExport, finishExport } from '../domain/summaries/summary-exports.js';

// The background queue of council-summary PDFs (see src/domain/summaries/summary-exports.ts for
// the measurements behind it). Each PDF is drawn in a worker thread; the worker loads the
// TypeScript sources through tsx, as `npm start` does.

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

export interface ExportDeps {
  db: Kysely<Database>;
  now: () => Date;
  logger: Pick<Logger, 'error'>;
  render?: (summary: CouncilSummary) => Promise<Uint8Array>;
}

let running: Promise<void> | undefined;
let wanted = false;

/**
 * Renders every waiting export, one at a time (one core for PDFs, the other for requests). Called
 * after a request commits; a call while the queue is being worked makes that run look once more,
 * so a request committed during its last look is not left waiting. A process that died mid-render
 * leaves a stale claim that a later run takes over.
 */
export function runSummaryExports(deps: ExportDeps): Promise<void> {
  wanted = true;
  running ??= (async () => {
    try {
      while (wanted) {
        wanted = false;
        for (;;) {
          const claim = await claimNextExport(deps.db, deps.now());
          if (!claim) break;
          let bytes: Uint8Array | null = null;
          try {
            bytes = await (deps.render ?? renderSummaryInWorker)(claim.summary);
          } catch (error) {
            deps.logger.error({ err: error, exportId: claim.id }, 'summary PDF failed');
          }
          await finishExport(deps.db, claim, bytes, deps.now());
        }
      }
    } finally {
      running = undefined;
    }
  })();
  return running;
}
