import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { openForTool } from './cli-database.js';

// npm run backup -- --out backup.tar.gz: the embedded PGlite database as a data-directory dump.
// Stop the server first (PGlite is single-process): while it runs, the directory's lock refuses this. On PostgreSQL use pg_dump (see README).

const { values } = parseArgs({
  options: { out: { type: 'string', default: `backup-${new Date().toISOString().slice(0, 10)}.tar.gz` } },
});
const config = readConfig();
if (config.databaseUrl) {
  console.error('DATABASE_URL is set: back up PostgreSQL with pg_dump --format=custom (see README)');
  process.exit(2);
}
const handle = await openForTool('backup', config);
try {
  const dump = await handle.dumpDataDir!();
  await writeFile(values.out!, Buffer.from(await dump.arrayBuffer()));
  console.log(`wrote ${values.out}`);
} finally {
  await handle.close();
}
