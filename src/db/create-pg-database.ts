import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

// Kysely on a PostgreSQL server through pg, without PGlite: the Worker entry bundles this file
// alone (PGlite's WebAssembly and data would add megabytes to a Worker that never uses it).

// int8 (bigint) and numeric come back as strings from pg by default; that is what we want for
// money (契約金額 can exceed 2^53 in yen only in theory, but exactness matters) and for sequences.

// SQL dates (契約日, 契約期間) stay 'YYYY-MM-DD' strings: pg would otherwise make them Dates at
// local midnight, which shift by a day across time zones.
const DATE_OID = 1082;
export const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID
      ? (value: string) => value
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export interface PgDatabaseOptions {
  databaseUrl: string;
  poolSize?: number;
  /** Told when an idle pooled connection fails (the pool replaces it). */
  onIdleClientError?: (error: Error) => void;
  /** Told each statement Kysely runs, with its parameters (QUERY_LOG_FILE: the bench's read baseline). */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
}

/** Opens Kysely on the PostgreSQL server at `databaseUrl` through a pg pool. */
export function createPgDatabase(options: PgDatabaseOptions): {
  db: Kysely<Database>;
  close(): Promise<void>;
} {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 10,
    types: pgTypes,
  });
  // An idle client whose server connection drops (restart, failover) emits 'error'; unhandled,
  // that would end the process. The pool discards the client and opens a new one when needed.
  pool.on('error', (error) => options.onIdleClientError?.(error));
  const onQuery = options.onQuery;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    ...(onQuery
      ? {
          log: (event) => {
            if (event.level === 'query') onQuery(event.query.sql, event.query.parameters);
          },
        }
      : {}),
  });
  return { db, close: () => db.destroy() };
}
