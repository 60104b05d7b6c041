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
    '### Reads',
    '',
    row([
      'wards',
      'read',
      'req/s (sat.)',
      'bare Hono req/s',
      'ratio',
      '≥ 20 %',
      'p50 / p99 sat. ms',
      'rate req/s',
      'p50 / p99 at rate ms',
      'p99 < 25 ms',
      `p50 / p99 vs ${first.wards} ward(s)`,
      'flat ≤ 1.5×',
    ]),
    row(Array(12).fill('---')),
  ];
  for (const s of scales) {
    const hono = s.bareHono.saturation;
    out.push(
      row([
        s.wards,
        'bare Hono',
        f(hono.rps, 0),
        '',
        '',
        '',
        `${f(hono.p50, 2)} / ${f(hono.p99, 2)}`,
        f(s.bareHono.fixedRate.overallRate ?? 0, 0),
        `${f(s.bareHono.fixedRate.p50, 2)} / ${f(s.bareHono.fixedRate.p99, 2)}`,
        '',
        '',
        '',
      ]),
    );
    for (const r of s.reads) {
      const base = first.reads.find((x) => x.name === r.name)!;
      const flat = [r.fixedRate.p50 / base.fixedRate.p50, r.fixedRate.p99 / base.fixedRate.p99];
      out.push(
        row([
          s.wards,
          r.name,
          f(r.saturation.rps, 0),
          f(hono.rps, 0),
          pct(r.saturation.rps, hono.rps),
          mark(r.saturation.rps >= 0.2 * hono.rps),
          `${f(r.saturation.p50)} / ${f(r.saturation.p99)}`,
          f(r.fixedRate.overallRate ?? 0, 0),
          `${f(r.fixedRate.p50)} / ${f(r.fixedRate.p99)}`,
          mark(r.fixedRate.p99 < 25),
          `${f(flat[0], 2)}× / ${f(flat[1], 2)}×`,
          s === first ? '' : mark(Math.max(flat[0]!, flat[1]!) <= 1.5),
        ]),
      );
    }
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
      '≥ 40 %',
      'p50 / p99 ms',
      'raw pg p50 / p99 ms',
      'p99 < 50 ms',
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
          i === 0 ? mark(p.rps >= 0.4 * b.tps) : '',
          `${f(p.p50)} / ${f(p.p99)}`,
          i === 0 ? `${f(b.p50)} / ${f(b.p99)}` : '',
          mark(p.p99 < 50),
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
        mark(it.http.rps >= 0.4 * it.baseline.tps),
        `${f(it.http.p50)} / ${f(it.http.p99)}`,
        `${f(it.baseline.p50)} / ${f(it.baseline.p99)}`,
        mark(it.http.p99 < 50),
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
