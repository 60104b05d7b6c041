import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { buildSummary, type CouncilSummary } from './build-summary.js';

// 審議会向け集計のPDF in the background. Measured on this 2-core machine, busy (timing of
// renderCouncilSummaryPdf, November 2026, its table cut into explicit pages): 500 contracts 2.4 s,
// 2,000 contracts 12 s (172 s before that cut) — too long to hold a request, and react-pdf's layout
// would block every other request of the process meanwhile. So the request is recorded here with the figures as they are now, a
// worker thread renders it (src/jobs/summary-exports.ts), and the page refreshes until it is ready.
// The CSV of the same summary takes 13 ms for 2,000 contracts and stays a direct download.

export interface SummaryExport {
  id: string;
  wardId: string;
  fiscalYear: number;
  departmentId: string | null;
  status: 'pending' | 'running' | 'ready' | 'failed';
  sizeBytes: number | null;
  requestedAt: Date;
  finishedAt: Date | null;
}

/** A claim older than this is taken to belong to a process that died; another may take it over. */
export const STALE_CLAIM_MS = 10 * 60 * 1000;
/** Finished files are kept this long for their requester, then removed at their next request. */
const KEEP_MS = 24 * 3600 * 1000;

const columns = [
  'id',
  'ward_id',
  'fiscal_year',
  'department_id',
  'status',
  'size_bytes',
  'requested_at',
  'finished_at',
] as const;

function toExport(r: {
  id: string;
  ward_id: string;
  fiscal_year: number;
  department_id: string | null;
  status: SummaryExport['status'];
  size_bytes: number | null;
  requested_at: Date;
  finished_at: Date | null;
}): SummaryExport {
  return {
    id: r.id,
    wardId: r.ward_id,
    fiscalYear: r.fiscal_year,
    departmentId: r.department_id,
    status: r.status,
    sizeBytes: r.size_bytes,
    requestedAt: r.requested_at,
    finishedAt: r.finished_at,
  };
}

/**
 * Records a request for the summary's PDF: the summary is built now (with the same policy check as
 * the JSON), kept with the request, and rendered after commit by `startRender`.
 */
export async function requestSummaryExport(
  ctx: UseCaseContext,
  query: { fiscalYear: number; departmentId?: string },
  startRender: () => void,
): Promise<SummaryExport> {
  const summary = await buildSummary(ctx, query);
  return inTransaction(ctx, async ({ tx, audit, afterCommit }) => {
    const now = ctx.now();
    await tx
      .deleteFrom('summary_exports')
      .where('ward_id', '=', summary.wardId)
      .where('requested_by', '=', ctx.actor.userId)
      .where('status', 'in', ['ready', 'failed'])
      .where('requested_at', '<', new Date(now.getTime() - KEEP_MS))
      .execute();
    const row = await tx
      .insertInto('summary_exports')
      .values({
        ward_id: summary.wardId,
        requested_by: ctx.actor.userId,
        fiscal_year: summary.fiscalYear,
        department_id: summary.department?.id ?? null,
        format: 'pdf',
        status: 'pending',
        summary: JSON.stringify(summary),
        requested_at: now,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    await audit({
      wardId: summary.wardId,
      action: 'council_summary.export',
      subjectType: 'CouncilSummary',
      subjectId: String(summary.fiscalYear),
      after: { exportId: row.id, format: 'pdf', departmentId: row.department_id },
    });
    afterCommit(startRender);
    return toExport(row);
  });
}

/** One export of the viewer's own; anyone else's answers 404 like a missing one. */
export async function getSummaryExport(ctx: UseCaseContext, id: string): Promise<SummaryExport> {
  const wardId = ctx.actor.wardId;
  const row = wardId
    ? await ctx.db
        .selectFrom('summary_exports')
        .select(columns)
        .where('ward_id', '=', wardId)
        .where('id', '=', id)
        .where('requested_by', '=', ctx.actor.userId)
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound('Summary file', '集計ファイル');
  authorize(ctx.ability, 'read', 'CouncilSummary', { wardId: row.ward_id });
  return toExport(row);
}

/** The PDF of a finished export of the viewer's own. */
export async function readSummaryExportContent(ctx: UseCaseContext, id: string) {
  const found = await getSummaryExport(ctx, id);
  const row = await ctx.db
    .selectFrom('summary_exports')
    .select('content')
    .where('ward_id', '=', found.wardId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (found.status !== 'ready' || !row.content) throw notFound('Summary file', '集計ファイル');
  return { export: found, bytes: row.content };
}

/**
 * Takes the oldest waiting export (or one whose claim went stale) for rendering. `skip locked`
 * lets several processes share the queue without rendering one request twice.
 */
export async function claimNextExport(
  db: Kysely<Database>,
  now: Date,
): Promise<{ id: string; wardId: string; summary: CouncilSummary } | undefined> {
  const stale = new Date(now.getTime() - STALE_CLAIM_MS);
  const claimed = await sql<{ id: string; ward_id: string; summary: CouncilSummary }>`
    update summary_exports set status = 'running', started_at = ${now}
    where (ward_id, id) = (
      select ward_id, id from summary_exports
      where status = 'pending' or (status = 'running' and started_at < ${stale})
      order by requested_at limit 1 for update skip locked)
    returning id, ward_id, summary`.execute(db);
  const row = claimed.rows[0];
  return row && { id: row.id, wardId: row.ward_id, summary: row.summary };
}

/** Stores the rendered file (or marks the export failed; the cause goes to the log). */
export async function finishExport(
  db: Kysely<Database>,
  claim: { id: string; wardId: string },
  bytes: Uint8Array | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('summary_exports')
    .set({
      status: bytes ? 'ready' : 'failed',
      content: bytes,
      size_bytes: bytes?.length ?? null,
      finished_at: now,
    })
    .where('ward_id', '=', claim.wardId)
    .where('id', '=', claim.id)
    .where('status', '=', 'running')
    .execute();
}
