import type { Context } from 'hono';
import { fiscalYearLabel } from '../../../domain/shared/wareki.js';
import {
  getSummaryExport,
  readSummaryExportContent,
  requestSummaryExport,
} from '../../../domain/summaries/summary-exports.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { pdfResponse } from '../../pdf-documents.js';
import { Details, TimeText } from '../components/common.js';
import { Csrf } from '../components/form.js';
import { readForm } from '../components/form-body.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';
import { summaryQuery } from './summary.page.js';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const REFRESH_SECONDS = 3;

/**
 * PDFを作成する: records the request (with the figures as they are now) and sends the reviewer to
 * its page; the entry's renderer draws it after commit (see src/domain/summaries/summary-exports.ts).
 */
export async function requestSummaryPdfAction(c: Context<AppEnv>) {
  const values = await readForm(c);
  const query = summaryQuery(c, {
    fiscalYear: one(values.fiscalYear),
    departmentId: one(values.departmentId),
  });
  const deps = c.get('deps');
  const logger = c.get('logger') ?? deps.logger;
  const started = await requestSummaryExport(useCaseContext(c), query, () => deps.drawSummaryExports(logger));
  return c.redirect(`/summaries/exports/${started.id}`, 303);
}

/** The export's page: refreshes itself (Refresh header, no script) until the PDF is ready. */
export async function summaryExportPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = p.t.reports.summaries;
  const exp = await getSummaryExport(useCaseContext(c), c.req.param('id')!);
  const waiting = exp.status === 'pending' || exp.status === 'running';
  if (waiting) c.header('refresh', String(REFRESH_SECONDS));
  const label = p.lang === 'ja' ? fiscalYearLabel(exp.fiscalYear) : `FY${exp.fiscalYear}`;
  const back = `/summaries?fiscalYear=${exp.fiscalYear}${exp.departmentId ? `&departmentId=${exp.departmentId}` : ''}`;
  return sendPage(
    c,
    <Layout p={p} title={t.exportTitle}>
      <Details
        rows={[
          [t.fiscalYear, label],
          [t.requestedAt, <TimeText at={exp.requestedAt} />],
        ]}
      />
      <div role="status" class="notice">
        {waiting ? t.exportPending : exp.status === 'ready' ? t.exportReady : t.exportFailed}
      </div>
      {waiting && (
        <p>
          <a href={`/summaries/exports/${exp.id}`}>{t.exportRefresh}</a>
        </p>
      )}
      {exp.status === 'ready' && (
        <p>
          <a href={`/summaries/exports/${exp.id}/pdf`}>{t.exportDownload(label)}</a>
          {exp.sizeBytes !== null && ` (${t.size(Math.ceil(exp.sizeBytes / 1024))})`}
        </p>
      )}
      {exp.status === 'failed' && (
        <form method="post" action="/summaries/pdf">
          <Csrf p={p} />
          <input type="hidden" name="fiscalYear" value={String(exp.fiscalYear)} />
          {exp.departmentId && <input type="hidden" name="departmentId" value={exp.departmentId} />}
          <button type="submit">{t.exportAgain}</button>
        </form>
      )}
      <p>
        <a href={back}>{t.exportBack}</a>
      </p>
    </Layout>,
  );
}

export async function summaryExportPdf(c: Context<AppEnv>) {
  const { export: exp, bytes } = await readSummaryExportContent(useCaseContext(c), c.req.param('id')!);
  return pdfResponse(c, bytes, { ascii: `summary-${exp.fiscalYear}.pdf` });
}
