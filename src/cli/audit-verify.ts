import { readConfig } from '../config.js';
import { verifyAuditChains } from '../domain/audit/verify-audit-chain.js';
import { openForTool } from './cli-database.js';

// npm run audit:verify: recomputes every ward's audit hash chain; exits 1 where one breaks.
const handle = await openForTool('audit:verify', readConfig());
try {
  const report = await verifyAuditChains(handle.db);
  console.log(`checked ${report.entries} entries in ${report.chains} chains`);
  for (const b of report.breaks) console.log(`BROKEN chain ${b.chainKey} at seq ${b.seq}: ${b.reason}`);
  if (report.breaks.length) {
    console.log('監査記録の改ざん・欠落を検出しました / The audit trail has been altered');
    process.exitCode = 1;
  } else {
    console.log('監査記録は完全です / The audit trail is intact');
  }
} finally {
  await handle.close();
}
