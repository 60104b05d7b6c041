import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createPgDatabase, pgTypes } from './create-pg-database.js';
import type { Database } from './database.js';

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
    return { ...createPgDatabase({ ...options, databaseUrl: options.databaseUrl }), kind: 'postgres' };
  }
  const pglite = await PGlite.create({
    dataDir: options.dataDir ?? 'memory://',
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  // PGlite is a single connection: the pool serialises transactions, so FOR UPDATE and version
  // checks behave as on a server with one connection. Never let the pool close it when idle.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0, types: pgTypes });
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
