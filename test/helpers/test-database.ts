import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../src/db/create-database.js';
import { withDatabase } from './database-url.js';

/**
 * A fresh, migrated database of the kind this run tests (PGlite, or PostgreSQL when DATABASE_URL
 * is set). Closing it drops it.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `pg_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // Two workers may copy the template at the same moment; PostgreSQL then refuses one of them.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    const handle = await createDatabase({ databaseUrl: withDatabase(url, name), poolSize: 5 });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dump = await readFile(inject('pgliteTemplate'));
  return createDatabase({ loadDataDir: new Blob([dump]) });
}
