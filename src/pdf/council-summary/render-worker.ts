import { parentPort, workerData } from 'node:worker_threads';
import type { CouncilSummary } from '../../domain/summaries/build-summary.js';
import { renderCouncilSummaryPdf } from './render-council-summary.js';

// Runs in a worker thread (src/jobs/summary-exports.ts): react-pdf's layout of a large summary is
// seconds of CPU that would otherwise stall every request of the server.

const { summary } = workerData as { summary: CouncilSummary };
const pdf = await renderCouncilSummaryPdf(summary);
parentPort!.postMessage(pdf, [pdf.buffer as ArrayBuffer]);
