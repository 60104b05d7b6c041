import type { ColdStartResult } from '../scenarios/cold-start.js';
import type { FinalResult } from '../scenarios/final-run.js';
import type { ScaleResult } from '../scenarios/scale-run.js';
import type { LoadResult } from './load.js';
import type { Machine } from './machine.js';

// The raw results as Markdown tables, each figure beside its baseline and ratio and its target.

interface Results {
  commands?: string[];
  machine?: Machine;
  quiet?: Array<{ scale: number; waitedS: number; quiet: boolean; load?: number }>;
  generation?: Array<{ reached: number; added: number; ms: number }>;
  scales?: ScaleResult[];
  final?: FinalResult;
  coldStart?: ColdStartResult;
  verification?: { scope?: string; chains: number; entries: number; breakCount: number; seconds: number };
}

const f = (n: number | undefined, d = 1) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(d));
const ratio = (a: number, b: number) => (b ? `${(a / b).toFixed(2)}×` : '–');
const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(0)} %` : '–');
const mark = (ok: boolean) => (ok ? 'met' : '**not met**');
const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;

function readTables(scales: ScaleResult[]): string[] {
  const first = scales[0]!;
  const out = [
    '### Reads, against a minimal server running the same statements',
    '',
    row([
      'wards',
      'read',
      'statements',
      'bytes',
      'req/s (sat.)',
      'minimal req/s',
      'ratio',
      '≥ 70 %',
      'rate req/s',
      'p50 / p99 at rate ms',
      'minimal p50 / p99 ms',
      'p99 ≤ 25 ms',
      `p50 / p99 vs ${first.wards} ward(s)`,
      'flat ≤ 1.5×',
    ]),
    row(Array(14).fill('---')),
  ];
  for (const s of scales) {
    for (const r of s.reads) {
      const base = first.reads.find((x) => x.name === r.name)!;
      const flat = [r.fixedRate.p50 / base.fixedRate.p50, r.fixedRate.p99 / base.fixedRate.p99];
      const floor = r.minimal?.saturation.rps ?? Number.NaN;
      out.push(
        row([
          s.wards,
          r.name,
          r.statements ?? '–',
          r.bytesPerPage ?? '–',
          f(r.saturation.rps, 0),
          f(floor, 0),
          pct(r.saturation.rps, floor),
          mark(r.saturation.rps >= 0.7 * floor),
          f(r.fixedRate.overallRate ?? 0, 0),
          `${f(r.fixedRate.p50)} / ${f(r.fixedRate.p99)}`,
          r.minimal ? `${f(r.minimal.fixedRate.p50)} / ${f(r.minimal.fixedRate.p99)}` : '–',
          mark(r.fixedRate.p99 <= 25),
          `${f(flat[0], 2)}× / ${f(flat[1], 2)}×`,
          s === first ? '' : mark(Math.max(flat[0]!, flat[1]!) <= 1.5),
        ]),
      );
    }
    const hono = s.bareHono.saturation;
    out.push(
      row([
        s.wards,
        'bare Hono (no database, for scale)',
        0,
        '',
        f(hono.rps, 0),
        '',
        '',
        '',
        f(s.bareHono.fixedRate.overallRate ?? 0, 0),
        `${f(s.bareHono.fixedRate.p50, 2)} / ${f(s.bareHono.fixedRate.p99, 2)}`,
        '',
        '',
        '',
        '',
      ]),
    );
  }
  return out;
}

/** One figure against its baseline and target, for bench/results/latest.json. */
export interface Figure {
  figure: string;
  wards: number;
  measured: number;
  baseline: number;
  ratio: number;
  target: string;
  met: boolean;
}

/** Every read and write figure with its baseline, ratio, target and whether it is met. */
export function figures(raw: Record<string, unknown>): Figure[] {
  const scales = (raw as Results).scales ?? [];
  const first = scales[0];
  const out: Figure[] = [];
  const push = (
    figure: string,
    wards: number,
    measured: number,
    baseline: number,
    target: string,
    met: boolean,
  ) =>
    out.push({
      figure,
      wards,
      measured: Math.round(measured * 100) / 100,
      baseline: Math.round(baseline * 100) / 100,
      ratio: baseline ? Math.round((measured / baseline) * 1000) / 1000 : Number.NaN,
      target,
      met,
    });
  for (const s of scales) {
    for (const r of s.reads) {
      const floor = r.minimal?.saturation.rps ?? Number.NaN;
      push(
        `${r.name} req/s at saturation`,
        s.wards,
        r.saturation.rps,
        floor,
        '≥ 70 % of minimal',
        r.saturation.rps >= 0.7 * floor,
      );
      push(
        `${r.name} p99 ms at half the minimal's saturation`,
        s.wards,
        r.fixedRate.p99,
        r.minimal?.fixedRate.p99 ?? Number.NaN,
        '≤ 25 ms',
        r.fixedRate.p99 <= 25,
      );
      const base = first!.reads.find((x) => x.name === r.name)!;
      if (s !== first)
        push(
          `${r.name} p99 at rate vs ${first!.wards} ward(s)`,
          s.wards,
          r.fixedRate.p99,
          base.fixedRate.p99,
          '≤ 1.5×',
          r.fixedRate.p99 <= 1.5 * base.fixedRate.p99,
        );
    }
    const b = s.writes.baseline;
    const signer = s.writes.phases[0];
    if (signer) {
      push('sign-off step tx/s', s.wards, signer.rps, b.tps, '≥ 60 % of raw pg', signer.rps >= 0.6 * b.tps);
      push('sign-off step p99 ms', s.wards, signer.p99, b.p99, '≤ 1.25 × raw pg', signer.p99 <= 1.25 * b.p99);
    }
    const it = s.itemSaves;
    push(
      'checklist item save tx/s',
      s.wards,
      it.http.rps,
      it.baseline.tps,
      '≥ 60 % of raw pg',
      it.http.rps >= 0.6 * it.baseline.tps,
    );
    push(
      'checklist item save p99 ms',
      s.wards,
      it.http.p99,
      it.baseline.p99,
      '≤ 1.25 × raw pg',
      it.http.p99 <= 1.25 * it.baseline.p99,
    );
  }
  return out;
}

function writeTable(scales: ScaleResult[]): string[] {
  const out = [
    '### Writes (sign-off steps, distinct applications, concurrent)',
    '',
    row([
      'wards',
      'step',
      'tx/s',
      'raw pg tx/s',
      'ratio',
      '≥ 60 %',
      'p50 / p99 ms',
      'raw pg p50 / p99 ms',
      'p99 ≤ 1.25 × raw pg',
      'answers',
      'lost updates',
    ]),
    row(Array(11).fill('---')),
  ];
  for (const s of scales) {
    const b = s.writes.baseline;
    s.writes.phases.forEach((p: LoadResult & { role: string }, i) => {
      out.push(
        row([
          `${s.wards} (${s.writes.wards} signing)`,
          p.role,
          f(p.rps),
          i === 0 ? f(b.tps) : '',
          i === 0 ? pct(p.rps, b.tps) : `(${pct(p.rps, b.tps)})`,
          i === 0 ? mark(p.rps >= 0.6 * b.tps) : '',
          `${f(p.p50)} / ${f(p.p99)}`,
          i === 0 ? `${f(b.p50)} / ${f(b.p99)}` : '',
          mark(p.p99 <= 1.25 * b.p99),
          Object.entries(p.status)
            .map(([k, v]) => `${v}×${k}`)
            .join(' '),
          i === 2 ? `${s.writes.check.lostUpdates} (${JSON.stringify(s.writes.check)})` : '',
        ]),
      );
    });
    const it = s.itemSaves;
    out.push(
      row([
        `${s.wards} (${it.wards} inspecting)`,
        'checklist item save',
        f(it.http.rps),
        f(it.baseline.tps),
        pct(it.http.rps, it.baseline.tps),
        mark(it.http.rps >= 0.6 * it.baseline.tps),
        `${f(it.http.p50)} / ${f(it.http.p99)}`,
        `${f(it.baseline.p50)} / ${f(it.baseline.p99)}`,
        mark(it.http.p99 <= 1.25 * it.baseline.p99),
        Object.entries(it.http.status)
          .map(([k, v]) => `${v}×${k}`)
          .join(' '),
        `${it.check.lostUpdates} (${JSON.stringify(it.check)})`,
      ]),
    );
  }
  return out;
}

export function writeReport(raw: Record<string, unknown>): string {
  const r = raw as Results;
  const m = r.machine;
  const out = ['# Benchmark run', ''];
  if (m)
    out.push(
      `${m.date} · ${m.nproc} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB · Node ${m.node} · PostgreSQL ${m.postgres} ` +
        `(${Object.entries(m.postgresSettings)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}) · commit ${m.gitCommit}${m.gitDirty ? ' (working tree changed)' : ''}`,
      '',
    );
  for (const c of r.commands ?? []) out.push(`    ${c}`, '');
  for (const q of r.quiet ?? [])
    out.push(
      `- before ${q.scale} ward(s): waited ${q.waitedS} s for other test runs; ${q.quiet ? 'quiet' : 'measured under load'}${q.load === undefined ? '' : ` (1-min load ${q.load.toFixed(2)})`}`,
    );
  out.push('', '### Generation', '', row(['reached wards', 'added', 'seconds']), row(['---', '---', '---']));
  for (const g of r.generation ?? []) out.push(row([g.reached, g.added, f(g.ms / 1000)]));
  if (r.scales?.length) out.push('', ...readTables(r.scales), '', ...writeTable(r.scales));
  if (r.scales?.length) {
    out.push(
      '',
      '### Server memory (RSS, MiB)',
      '',
      row(['wards', 'idle', 'peak reads', 'peak writes', 'after']),
      row(Array(5).fill('---')),
    );
    for (const s of r.scales)
      out.push(
        row([
          s.wards,
          s.serverRss.idleMiB,
          s.serverRss.peakReadsMiB,
          s.serverRss.peakWritesMiB,
          s.serverRss.afterMiB,
        ]),
      );
  }
  const fin = r.final;
  if (fin) {
    const sc = fin.scheduler;
    out.push(
      '',
      '### Scheduler',
      '',
      `issue ${sc.period}: ${sc.first.issued} requests in ${sc.first.ms} ms (target < 10 s: ${mark(sc.first.ms < 10_000)}); ` +
        `re-run: ${sc.rerun.issued} in ${sc.rerun.ms} ms (target < 2 s and 0: ${mark(sc.rerun.ms < 2000 && sc.rerun.issued === 0)}); ` +
        `raw pg baseline (same rows into a temp table): ${sc.baseline.rows} rows in ${sc.baseline.ms} ms, ratio ${ratio(sc.first.ms, sc.baseline.ms)}`,
      '',
      '### Documents',
      '',
      row(['document', 'cold ms', 'warm median ms', 'bytes', 'peak RSS MiB']),
      row(Array(5).fill('---')),
    );
    for (const d of fin.documents.api)
      out.push(
        row([`API ${d.path}`, f(d.coldMs), f(d.warmMedianMs), d.bytes, `${d.serverPeakRssMiB} (server)`]),
      );
    for (const d of fin.documents.rendered)
      out.push(
        row([
          `render ${d.kind}${d.rows ? ` (${d.rows} rows)` : ''}`,
          f(d.coldMs),
          f(d.warmMedianMs),
          d.bytes,
          d.peakRssMiB,
        ]),
      );
    out.push(
      '',
      `Summary rows from the API: ${fin.documents.summaryRowsFromApi}. Deletion certificate: ${fin.documents.deletionCertificate}.`,
    );
  }
  const cs = r.coldStart;
  if (cs)
    out.push(
      '',
      '### Cold start',
      '',
      `PGlite, existing data directory: ${cs.pgliteRestartsMs.join(', ')} ms (median ${cs.pgliteMedianMs}); first start ${cs.pgliteFirstStartMs} ms; bare Hono: median ${cs.baselineMedianMs} ms, ratio ${ratio(cs.pgliteMedianMs, cs.baselineMedianMs)}`,
    );
  const v = r.verification;
  if (v)
    out.push(
      '',
      `Audit chains (${v.scope ?? 'all'}): ${v.chains} chains, ${v.entries} entries, ${v.breakCount} breaks (${v.seconds} s).`,
    );
  return `${out.join('\n')}\n`;
}
