import type pg from 'pg';
import type { LoadResult } from '../lib/load.js';
import { rssMiB, sampleRss, signIn, startAppServer } from '../lib/server.js';
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
  try {
    const idleMiB = Math.round(rssMiB(pid));
    const sessions = {
      officer: await signIn(server.base, emails.officer(ward1.n), settings.password),
      nationalContractor: await signIn(server.base, emails.nationalContractor, settings.password),
      localContractor: await signIn(server.base, emails.localContractor, settings.password),
    };
    const plans = await planReads(server.base, pool, sessions, ward1.id);

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
      log(`reads: ${plan.name} (${plan.paths.length} paths)`);
      const measured = await measureRead(server.base, plan, settings, rates.get(plan.name));
      rates.set(plan.name, measured.fixedRate.overallRate!);
      reads.push({ name: plan.name, description: plan.description, paths: plan.paths.length, ...measured });
    }
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
    await server.stop();
  }
}
