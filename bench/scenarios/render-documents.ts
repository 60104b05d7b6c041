import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement as h } from 'react';
import { defineAbilityFor } from '../../policies/app-ability.js';
import { createDatabase } from '../../src/db/create-database.js';
import { actorQuery, toActor } from '../../src/domain/auth/load-actor.js';
import { readCouncilReport } from '../../src/domain/council/read-council-report.js';
import type { UseCaseContext } from '../../src/domain/shared/context.js';
import { buildSummary } from '../../src/domain/summaries/build-summary.js';
import { renderCouncilReportPdf } from '../../src/pdf/council-report/render-council-report.js';
import { renderCouncilSummaryPdf } from '../../src/pdf/council-summary/render-council-summary.js';
import { JAPANESE_FONT } from '../../src/pdf/fonts.js';
import { renderPdf } from '../../src/pdf/render-pdf.js';

// One document rendered in a process of its own, so that its peak memory (maxRSS) is its own:
//   tsx bench/scenarios/render-documents.ts <kind> <databaseUrl> <email> <arg> <repeats> <outDir>
// kind: 'baseline' (one Japanese line: the fixed cost of a PDF with the font), 'council-report'
// (arg: report item id), 'council-summary' (arg: fiscal year:rows; the summary is cut or padded
// with its own rows to that many contracts). Prints one JSON line: cold and warm timings, size,
// peak RSS — or the error the renderer threw.

const [kind, databaseUrl, email, arg, repeatsText, outDir] = process.argv.slice(2);
const repeats = Number(repeatsText ?? 5);
const handle = await createDatabase({ databaseUrl: databaseUrl!, poolSize: 2 });
const startRss = process.memoryUsage().rss;
try {
  const row = await actorQuery(handle.db).where('users.email', '=', email!).executeTakeFirstOrThrow();
  const actor = toActor(row);
  const ctx: UseCaseContext = {
    db: handle.db,
    actor,
    ability: defineAbilityFor(actor),
    requestId: 'bench-documents',
    now: () => new Date(),
  };

  let render: () => Promise<Uint8Array>;
  let rows: number | null = null;
  if (kind === 'council-report') {
    render = async () => renderCouncilReportPdf(await readCouncilReport(ctx, arg!));
  } else if (kind === 'council-summary') {
    const [year, count] = arg!.split(':').map(Number) as [number, number];
    const summary = await buildSummary(ctx, { fiscalYear: year });
    const source = summary.contracts;
    if (!source.length) throw new Error('the summary has no contracts to pad from');
    const padded = Array.from({ length: count }, (_, i) => source[i % source.length]!);
    rows = padded.length;
    render = () => renderCouncilSummaryPdf({ ...summary, contracts: padded });
  } else {
    const { Document, Page, Text } = await import('@react-pdf/renderer');
    render = () =>
      renderPdf(
        h(Document, null, h(Page, { size: 'A4' }, h(Text, { style: { fontFamily: JAPANESE_FONT } }, '基準'))),
      );
  }

  const timings: number[] = [];
  let bytes = 0;
  let error: string | undefined;
  for (let i = 0; i <= repeats && !error; i++) {
    const t0 = performance.now();
    try {
      const pdf = await render();
      timings.push(Math.round((performance.now() - t0) * 10) / 10);
      bytes = pdf.byteLength;
      if (i === 0 && outDir) writeFileSync(join(outDir, `${kind}${rows ? `-${rows}` : ''}.pdf`), pdf);
    } catch (e) {
      error = `${e instanceof Error ? e.message : String(e)} (after ${Math.round(performance.now() - t0)} ms)`;
    }
  }
  const warm = timings.slice(1).sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      kind,
      rows,
      error,
      coldMs: timings[0],
      warmMs: warm,
      warmMedianMs: warm[Math.floor(warm.length / 2)],
      bytes,
      startRssMiB: Math.round(startRss / 1048576),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
} finally {
  await handle.close();
}
