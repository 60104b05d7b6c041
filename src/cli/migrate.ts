import { readConfig } from '../config.js';
import { migrateToLatest } from '../db/migrator.js';
import { openDatabase } from '../node-runtime.js';

// npm run migrate: applies pending migrations to DATABASE_URL or the PGlite in DATA_DIR.
const handle = await openDatabase(readConfig());
try {
  const applied = await migrateToLatest(handle.db);
  console.log(
    applied.length ? `applied: ${applied.join(', ')}` : 'nothing to apply: the schema is up to date',
  );
} finally {
  await handle.close();
}
