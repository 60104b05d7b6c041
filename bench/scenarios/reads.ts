import type pg from 'pg';
import { type LoadResult, runLoad } from '../lib/load.js';
import { getJson, type Session } from '../lib/server.js';

// Reads: a privacy officer's contract list, a contractor's engagement list (a national company
// with work in every ward, and a ward's own company), and a contract's register (40 items). Each
// is measured twice: at saturation (closed loop, `connections` in flight) for throughput, and at a
// fixed offered rate for latency — the rate found for that read at 1 ward, so that 10 and 50 wards
// are compared under the same load.

export interface ReadSessions {
  officer: Session;
  nationalContractor: Session;
  localContractor: Session;
}

export interface ReadPlan {
  name: string;
  description: string;
  token: string;
  paths: string[];
}

export interface ReadResult {
  name: string;
  description: string;
  paths: number;
  saturation: LoadResult;
  fixedRate: LoadResult;
  /** The same statements through the minimal read server (baseline/read-server.ts). */
  minimal: { saturation: LoadResult; fixedRate: LoadResult };
  /** Statements the product runs per request (its session lookup included). */
  statements: number;
  /** The product's answer, mean bytes over the paths. */
  bytesPerPage: number;
}

/** Walks the list by cursor, as a user paging through it would, and returns the pages' paths. */
async function pagePaths(base: string, token: string, maxPages: number): Promise<string[]> {
  const paths: string[] = [];
  let path: string | null = '/api/v1/contracts?limit=50';
  while (path && paths.length < maxPages) {
    paths.push(path);
    const page: { nextCursor: string | null } = await getJson(base, path, token);
    path = page.nextCursor
      ? `/api/v1/contracts?limit=50&cursor=${encodeURIComponent(page.nextCursor)}`
      : null;
  }
  return paths;
}

export async function planReads(
  base: string,
  pool: pg.Pool,
  sessions: ReadSessions,
  ward1Id: string,
): Promise<ReadPlan[]> {
  const registers = await pool.query(
    `select id from contracts where ward_id = $1 and depth = 1 and handles_personal_info and register_revision = 1
     order by created_at desc limit 50`,
    [ward1Id],
  );
  return [
    {
      name: 'officer-list',
      description: "privacy officer's contract list, 50 rows, pages 1–10 by cursor",
      token: sessions.officer.accessToken,
      paths: await pagePaths(base, sessions.officer.accessToken, 10),
    },
    {
      name: 'contractor-list-national',
      description: "contractor's engagement list (national company, work in every ward), pages 1–10",
      token: sessions.nationalContractor.accessToken,
      paths: await pagePaths(base, sessions.nationalContractor.accessToken, 10),
    },
    {
      name: 'contractor-list-local',
      description: "contractor's engagement list (a ward's own company), pages 1–10",
      token: sessions.localContractor.accessToken,
      paths: await pagePaths(base, sessions.localContractor.accessToken, 10),
    },
    {
      name: 'register',
      description: "a contract's register (40 data items), 50 contracts in turn",
      token: sessions.officer.accessToken,
      paths: registers.rows.map((r) => `/api/v1/contracts/${r.id}/register`),
    },
  ];
}

export interface ReadSettings {
  connections: number;
  durationS: number;
  warmupS: number;
}

/** Saturation then fixed-rate load for one read; `rate` defaults to half the saturation throughput. */
export async function measureRead(
  base: string,
  plan: Pick<ReadPlan, 'name' | 'token' | 'paths'>,
  settings: ReadSettings,
  rate?: number,
): Promise<{ saturation: LoadResult; fixedRate: LoadResult }> {
  const common = {
    base,
    requests: plan.paths.map((path) => ({ path })),
    connections: settings.connections,
    headers: { authorization: `Bearer ${plan.token}` },
  };
  await runLoad({ ...common, label: `${plan.name} warm-up`, durationS: settings.warmupS });
  const saturation = await runLoad({
    ...common,
    label: `${plan.name} saturation`,
    durationS: settings.durationS,
  });
  const fixedRate = await runLoad({
    ...common,
    label: `${plan.name} fixed rate`,
    durationS: settings.durationS,
    overallRate: Math.max(1, Math.round(rate ?? saturation.rps / 2)),
  });
  return { saturation, fixedRate };
}
