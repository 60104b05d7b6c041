import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

// int8 (bigint) and numeric come back as strings from pg by default; that is what we want for
// money (契約金額 can exceed 2^53 in yen only in theory, but exactness matters) and for sequences.

// SQL dates (契約日, 契約期間) stay 'YYYY-MM-DD' strings: pg would otherwise make them Dates at
// local midnight, which shift by a day across time zones.
const DATE_OID = 1082;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID
      ? (value: string) => value
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** 'pglite' for the embedded database, 'postgres' for a server reached through pg. */
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the data directory as a gzipped tarball (templates for tests, backups). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface DatabaseOptions {
  /** postgres://… — when set, a real PostgreSQL server is used through pg. */
  databaseUrl?: string;
  /** Data directory for PGlite; 'memory://' keeps everything in memory. */
  dataDir?: string;
  /** A dumped PGlite data directory to start from (tests use a migrated template). */
  loadDataDir?: Blob;
  poolSize?: number;
  /** Told when an idle pooled connection fails (the pool replaces it). */
  onIdleClientError?: (error: Error) => void;
}

/** Opens Kysely on PostgreSQL (DATABASE_URL) or on an embedded PGlite through the same pg driver. */
export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, types });
    // An idle client whose server connection drops (restart, failover) emits 'error'; unhandled,
    // that would end the process. The pool discards the client and opens a new one when needed.
    pool.on('error', (error) => options.onIdleClientError?.(error));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const pglite = await PGlite.create({
    dataDir: options.dataDir ?? 'memory://',
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  // PGlite is a single connection: the pool serialises transactions, so FOR UPDATE and version
  // checks behave as on a server with one connection. Never let the pool close it when idle.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0, types });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    dumpDataDir: () => pglite.dumpDataDir('gzip'),
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
