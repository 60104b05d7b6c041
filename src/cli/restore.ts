import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { createDatabase } from '../db/create-database.js';
import { DataDirLockedError, lockFileOf, readLockHolder } from '../db/data-dir-lock.js';
import { verifyAuditChains } from '../domain/audit/verify-audit-chain.js';
import { pgliteDir } from '../node-runtime.js';
import { EXIT_LOCKED } from './cli-database.js';

// npm run restore -- --from backup.tar.gz: restores a PGlite dump into an empty DATA_DIR and
// verifies the audit chain of what it restored.

const { values } = parseArgs({ options: { from: { type: 'string' } } });
if (!values.from) {
  console.error('usage: npm run restore -- --from backup.tar.gz');
  process.exit(2);
}
const config = readConfig();
const dir = pgliteDir(config);
const holder = readLockHolder(dir);
if (holder) {
  // a server or a tool has it open: it is not empty, and it must not be written under it
  console.error(new DataDirLockedError(dir, lockFileOf(dir), holder).message);
  process.exit(EXIT_LOCKED);
}
if (existsSync(dir) && readdirSync(dir).length > 0) {
  console.error(`${dir} is not empty: move it away first; a restore never overwrites data`);
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
const handle = await createDatabase({
  dataDir: dir,
  openedBy: 'restore',
  loadDataDir: new Blob([await readFile(values.from)]),
}).catch((error: unknown) => {
  if (!(error instanceof DataDirLockedError)) throw error;
  console.error(error.message);
  process.exit(EXIT_LOCKED);
});
try {
  const report = await verifyAuditChains(handle.db);
  console.log(`restored into ${dir}: ${report.entries} audit entries, ${report.breaks.length} breaks`);
  if (report.breaks.length) process.exitCode = 1;
} finally {
  await handle.close();
}
