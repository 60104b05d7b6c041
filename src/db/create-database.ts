import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createPgDatabase, pgTypes } from './create-pg-database.js';
import { type DataDirLock, lockDataDir } from './data-dir-lock.js';
import type { Database } from './database.js';

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** 'pglite' for the embedded database, 'postgres' for a server reached through pg. */
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the data directory as a gzipped tarball (templates for tests, backups). */
  dumpDataDir?: () => Promise<Blob>;
  /** PGlite in a directory: this process's lock on it (released by close). */
  lock?: DataDirLock;
}

export interface DatabaseOptions {
  /** postgres://… — when set, a real PostgreSQL server is used through pg. */
  databaseUrl?: string;
  /** Data directory for PGlite; 'memory://' keeps everything in memory. */
  dataDir?: string;
  /** Who opens a PGlite directory, as the lock tells a second opener ('server' or the tool's name). */
  openedBy?: string;
  /** A dumped PGlite data directory to start from (tests use a migrated template). */
  loadDataDir?: Blob;
  poolSize?: number;
  /** Told when an idle pooled connection fails (the pool replaces it). */
  onIdleClientError?: (error: Error) => void;
  /** PostgreSQL only: told each statement run, with its parameters (QUERY_LOG_FILE). */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
}

/** Opens Kysely on PostgreSQL (DATABASE_URL) or on an embedded PGlite through the same pg driver. */
export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    return { ...createPgDatabase({ ...options, databaseUrl: options.databaseUrl }), kind: 'postgres' };
  }
  const dataDir = options.dataDir ?? 'memory://';
  // Two processes must never open one directory (each would run its own engine on its files):
  // the second is refused with DataDirLockedError, naming the holder.
  const lock = dataDir.includes('://') ? undefined : lockDataDir(dataDir, options.openedBy ?? 'process');
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      dataDir,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  // PGlite is a single connection: the pool serialises transactions, so FOR UPDATE and version
  // checks behave as on a server with one connection. Never let the pool close it when idle.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0, types: pgTypes });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    dumpDataDir: () => pglite.dumpDataDir('gzip'),
    ...(lock ? { lock } : {}),
    close: async () => {
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}
