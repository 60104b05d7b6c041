import { readConfig } from '../config.js';
import { migrateToLatest } from '../db/migrator.js';
import { openForTool } from './cli-database.js';

// npm run migrate: applies pending migrations to DATABASE_URL or the PGlite in DATA_DIR.
const handle = await openForTool('migrate', readConfig());
try {
  const applied = await migrateToLatest(handle.db);
  console.log(
    applied.length ? `applied: ${applied.join(', ')}` : 'nothing to apply: the schema is up to date',
  );
} finally {
  await handle.close();
}
