import { parseArgs } from 'node:util';
import { exportTables } from '../adapters/export-csv.js';
import { readConfig } from '../config.js';
import { openForTool } from './cli-database.js';

// npm run export -- --out ./export
const { values } = parseArgs({ options: { out: { type: 'string', default: './export' } } });
const handle = await openForTool('export', readConfig());
try {
  const manifest = await exportTables(handle.db, values.out!);
  console.log(`exported ${manifest.tables.length} tables to ${values.out}`);
} finally {
  await handle.close();
}
