import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { captureStatements } from '../lib/capture-statements.js';
import type { LoadResult } from '../lib/load.js';
import { rssMiB, sampleRss, signIn, startAppServer, startNodeServer } from '../lib/server.js';
import { benchWards, emails, wardEmailResolver } from '../lib/wards.js';
import { type ItemSaveResult, measureItemSaves } from './item-saves.js';
import { measureRead, planReads, type ReadResult } from './reads.js';
import { measureWrites, type WriteResult } from './writes.js';

// Everything measured at one scale (number of wards), on a server started fresh for it.

export interface ScaleSettings {
  connections: number;
  durationS: number;
  warmupS: number;
  baselineWrites: number;
  httpWrites: number;
  password: string;
}

export interface ScaleResult {
  wards: number;
  serverReadyMs: number;
  serverRss: { idleMiB: number; peakReadsMiB: number; peakWritesMiB: number; afterMiB: number };
  bareHono: { saturation: LoadResult; fixedRate: LoadResult };
  reads: ReadResult[];
  writes: WriteResult;
  itemSaves: ItemSaveResult;
}

export async function measureScale(options: {
  url: string;
  pool: pg.Pool;
  wards: number;
  hono: string;
  settings: ScaleSettings;
  /** Fixed rates per read, set at the first scale and kept for the others. */
  rates: Map<string, number>;
  log: (line: string) => void;
}): Promise<ScaleResult> {
  const { url, pool, settings, rates, log } = options;
  const ward1 = (await benchWards(pool))[0]!;
  const server = await startAppServer(url);
  const pid = server.process.pid!;
  let minimal: Awaited<ReturnType<typeof startNodeServer>> | undefined;
  try {
    const idleMiB = Math.round(rssMiB(pid));
    const sessions = {
      officer: await signIn(server.base, emails.officer(ward1.n), settings.password),
      nationalContractor: await signIn(server.base, emails.nationalContractor, settings.password),
      localContractor: await signIn(server.base, emails.localContractor, settings.password),
    };
    const plans = await planReads(server.base, pool, sessions, ward1.id);
    log('capturing the statements of each read for the minimal read server');
    const captured = await captureStatements(url, plans, mkdtempSync(join(tmpdir(), 'bench-capture-')));
    minimal = await startNodeServer('bench/baseline/read-server.ts', {
      DATABASE_URL: url,
      STATEMENTS_FILE: captured.file,
    });

    log('bare Hono baseline');
    const bareHono = await measureRead(
      options.hono,
      { name: 'bare-hono', token: 'none', paths: ['/json'] },
      settings,
      rates.get('bare-hono'),
    );
    rates.set('bare-hono', bareHono.fixedRate.overallRate!);

    const readsRss = sampleRss(pid);
    const reads: ReadResult[] = [];
    for (const plan of plans) {
      // the floor first: the same statements through a minimal server; its half saturation at the
      // first scale is the fixed rate both are held to at every scale
      log(`reads: ${plan.name}, minimal server (${plan.paths.length} paths)`);
      const floor = await measureRead(minimal.base, plan, settings, rates.get(plan.name));
      rates.set(plan.name, floor.fixedRate.overallRate!);
      log(`reads: ${plan.name}, product at ${rates.get(plan.name)} req/s`);
      const measured = await measureRead(server.base, plan, settings, rates.get(plan.name));
      const bytes = plan.paths.map((path) => captured.reads[path]!.bytes);
      reads.push({
        name: plan.name,
        description: plan.description,
        paths: plan.paths.length,
        ...measured,
        minimal: floor,
        statements: Math.round(
          plan.paths.reduce((n, path) => n + captured.reads[path]!.statements.length, 0) / plan.paths.length,
        ),
        bytesPerPage: Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length),
      });
    }
    await minimal.stop();
    minimal = undefined;
    const peakReadsMiB = readsRss.stop().peakMiB;

    log('writes: raw pg baseline, then sign-offs through the API');
    const writesRss = sampleRss(pid);
    const emailOf = await wardEmailResolver(pool);
    const writeSettings = {
      baselineCount: settings.baselineWrites,
      httpCount: settings.httpWrites,
      connections: settings.connections,
      maxWards: 10,
      password: settings.password,
    };
    const writes = await measureWrites(server.base, url, pool, emailOf, writeSettings);
    log('writes: checklist item saves, raw pg baseline then the API');
    const itemSaves = await measureItemSaves(
      server.base,
      url,
      pool,
      (wardId) => emailOf(wardId, 'inspector'),
      {
        ...writeSettings,
        httpCount: writeSettings.httpCount * 2,
      },
    );
    const peakWritesMiB = writesRss.stop().peakMiB;
    return {
      wards: options.wards,
      serverReadyMs: Math.round(server.readyMs),
      serverRss: { idleMiB, peakReadsMiB, peakWritesMiB, afterMiB: Math.round(rssMiB(pid)) },
      bareHono,
      reads,
      writes,
      itemSaves,
    };
  } finally {
    await minimal?.stop();
    await server.stop();
  }
}
