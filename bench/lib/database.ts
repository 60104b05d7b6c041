import pg from 'pg';
import { createDatabase } from '../../src/db/create-database.js';
import { migrateToLatest } from '../../src/db/migrator.js';

// The benchmarks run on a PostgreSQL server only: PGlite is one process's embedded database, and
// the figures are for a shared service on a real server.

/** DATABASE_URL, or exits with a message saying why there is no PGlite mode. */
export function requirePostgresUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    console.error(
      'DATABASE_URL must name a PostgreSQL database (postgres://…): the benchmark data is generated on a real server, not on PGlite.',
    );
    process.exit(2);
  }
  return url;
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Applies the product's migrations, as the server would on start. */
export async function migrate(url: string): Promise<string[]> {
  const handle = await createDatabase({ databaseUrl: url, poolSize: 1 });
  try {
    return await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
}

/** Runs `work` on the server's maintenance database (create/drop database). */
export async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function newPool(url: string, max = 4): pg.Pool {
  return new pg.Pool({ connectionString: url, max });
}
