import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { CouncilSummary } from '../domain/summaries/build-summary.js';
import { claimNextExport, finishExport } from '../domain/summaries/summary-exports.js';

// The background queue of council-summary PDFs (see src/domain/summaries/summary-exports.ts for
// the measurements behind it). How a PDF is drawn is the entry's choice: Node in a worker thread
// (summary-render-thread.ts), a Worker inline after its response.

export interface ExportDeps {
  db: Kysely<Database>;
  now: () => Date;
  logger: Pick<Logger, 'info' | 'error'>;
  render: (summary: CouncilSummary) => Promise<Uint8Array>;
}

/**
 * Draws every waiting export, one at a time, until none is left. Claims keep two processes (or a
 * Node server and a Worker) off the same one; a process that died mid-render leaves a stale claim
 * that a later run takes over.
 */
export async function drawWaitingExports(deps: ExportDeps): Promise<number> {
  let drawn = 0;
  for (;;) {
    const claim = await claimNextExport(deps.db, deps.now());
    if (!claim) return drawn;
    let bytes: Uint8Array | null = null;
    const started = performance.now();
    try {
      bytes = await deps.render(claim.summary);
    } catch (error) {
      deps.logger.error({ err: error, exportId: claim.id }, 'summary PDF failed');
    }
    await finishExport(deps.db, claim, bytes, deps.now());
    // one line per drawing: how long PDFs take, and (several instances) that each is drawn once
    if (bytes) {
      deps.logger.info(
        { exportId: claim.id, ms: Math.round(performance.now() - started), bytes: bytes.length },
        'summary PDF drawn',
      );
    }
    drawn++;
  }
}

let running: Promise<void> | undefined;
let wanted = false;

/**
 * Node: one queue per process (one core for PDFs, the other for requests). Called after a request
 * commits; a call while the queue is being worked makes that run look once more, so a request
 * committed during its last look is not left waiting.
 */
export function runSummaryExports(deps: ExportDeps): Promise<void> {
  wanted = true;
  running ??= (async () => {
    try {
      while (wanted) {
        wanted = false;
        await drawWaitingExports(deps);
      }
    } finally {
      running = undefined;
    }
  })();
  return running;
}
