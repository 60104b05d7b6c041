import { mkdirSync } from 'node:fs';
import type pg from 'pg';
import { getJson, signIn, startAppServer } from '../lib/server.js';
import { benchWards, emails } from '../lib/wards.js';
import {
  type ApiDocumentTiming,
  type RenderedDocument,
  renderInChild,
  timeDocumentApi,
} from './documents.js';
import { issueErasureCertificate } from './erasure-certificate.js';
import type { ScaleSettings } from './scale-run.js';
import { measureScheduler, type SchedulerResult } from './scheduler.js';

// At the largest scale: the scheduler's issuing for every ward, and the documents.

export interface FinalResult {
  scheduler: SchedulerResult;
  documents: {
    summaryRowsFromApi: number;
    api: ApiDocumentTiming[];
    rendered: RenderedDocument[];
    deletionCertificate: string;
  };
}

/** The fiscal year whose summary lists the most contracts (令和7年度 in the generated history). */
const SUMMARY_YEAR = 2025;

export async function measureFinal(options: {
  url: string;
  pool: pg.Pool;
  settings: ScaleSettings;
  log: (line: string) => void;
  outDir: string;
}): Promise<FinalResult> {
  const { url, pool, settings, log, outDir } = options;
  log('scheduler: issuing 2026H1 for every ward, then again');
  const scheduler = await measureScheduler(url);

  const ward1 = (await benchWards(pool))[0]!;
  const item = await pool.query(
    `select id from council_report_items where ward_id = $1 and kind = 'delegation' order by created_at desc limit 1`,
    [ward1.id],
  );
  const itemId: string = item.rows[0].id;
  log('documents through the API');
  const server = await startAppServer(url);
  const api: ApiDocumentTiming[] = [];
  let summaryRowsFromApi = 0;
  try {
    const officer = await signIn(server.base, emails.officer(ward1.n), settings.password);
    const council = await signIn(server.base, emails.council(ward1.n), settings.password);
    const pid = server.process.pid!;
    log('documents: a deletion certificate recorded and issued through the API, then its PDF');
    const certificatePdf = await issueErasureCertificate(server.base, pool, ward1, settings.password);
    api.push(await timeDocumentApi(server.base, certificatePdf, officer.accessToken, pid, 10));
    api.push(
      await timeDocumentApi(
        server.base,
        `/api/v1/council/report-items/${itemId}/pdf`,
        officer.accessToken,
        pid,
        10,
      ),
    );
    const summary = await getJson<{ contracts: unknown[] }>(
      server.base,
      `/api/v1/summaries?fiscalYear=${SUMMARY_YEAR}`,
      council.accessToken,
    );
    summaryRowsFromApi = summary.contracts.length;
    api.push(
      await timeDocumentApi(
        server.base,
        `/api/v1/summaries?fiscalYear=${SUMMARY_YEAR}&format=pdf`,
        council.accessToken,
        pid,
        2,
      ),
    );
  } finally {
    await server.stop();
  }
  log('documents rendered in processes of their own');
  mkdirSync(outDir, { recursive: true });
  const rendered = [
    await renderInChild('baseline', url, emails.officer(ward1.n), '-', 5, outDir),
    await renderInChild('council-report', url, emails.officer(ward1.n), itemId, 5, outDir),
    // tens of seconds each on this machine (see RESULTS.md): one warm run after the cold one
    await renderInChild('council-summary', url, emails.council(ward1.n), `${SUMMARY_YEAR}:1000`, 1, outDir),
    // the longest summary react-pdf renders here (see RESULTS.md): timings for what works today
    await renderInChild('council-summary', url, emails.council(ward1.n), `${SUMMARY_YEAR}:300`, 3, outDir),
  ];
  return {
    scheduler,
    documents: {
      summaryRowsFromApi,
      api,
      rendered,
      deletionCertificate: 'the first API row: recorded and certified by the contractor, read by the officer',
    },
  };
}
