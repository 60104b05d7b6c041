import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import type { DatabaseHandle } from '../db/create-database.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { migrateToLatest } from '../db/migrator.js';
import { issueReports } from '../domain/reports/issue-reports.js';
import { latestCompletedPeriod, periodOf } from '../domain/reports/periods.js';
import { toJapanDate } from '../domain/shared/japan-date.js';
import { openDatabase } from '../node-runtime.js';
import { EXIT_LOCKED } from './cli-database.js';
import { readAccessToken, runJobsThroughServer, ServerRefusedError } from './server-client.js';

// npm run reports:issue -- [--period 2026H1] — issues a period's report requests by hand (the
// scheduler does it daily); running it again issues nothing new.
//
// When the server holds the PGlite directory (or --server / SERVER_URL names one) this tool does
// not open the database: it asks the server to run its daily jobs now (POST
// /api/v1/scheduled-jobs/run) with a system administrator's access token from API_TOKEN or
// --token-file, and prints what the server did. Without a token it refuses and says so.
const { values } = parseArgs({
  options: {
    period: { type: 'string' },
    server: { type: 'string' },
    'token-file': { type: 'string' },
  },
});
const config = readConfig();

let serverUrl = values.server ?? (process.env.SERVER_URL || undefined);
let holder: DataDirLockedError['holder'] | undefined;
let handle: DatabaseHandle | undefined;
if (!serverUrl) {
  try {
    handle = await openDatabase(config, undefined, 'reports:issue');
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    if (error.holder.command !== 'server' || !error.holder.url) {
      console.error(error.message);
      process.exit(EXIT_LOCKED);
    }
    holder = error.holder;
    serverUrl = error.holder.url;
  }
}

if (handle) {
  try {
    await migrateToLatest(handle.db);
    const period = values.period ? periodOf(values.period) : latestCompletedPeriod(toJapanDate(new Date()));
    const result = await issueReports(handle.db, period, new Date());
    console.log(`period ${result.period}: ${result.issued} request(s) issued`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
} else if (serverUrl) {
  const token = await readAccessToken(values['token-file']);
  const who = holder ? `pid ${holder.pid}, ${serverUrl}` : serverUrl;
  if (!token) {
    console.error(
      [
        `サーバー（${who}）がデータベースを使用中のため、このコマンドはデータベースを直接開かず、サーバーに定時処理の即時実行（POST /api/v1/scheduled-jobs/run）を依頼します。`,
        'システム管理者のアクセストークンを環境変数 API_TOKEN（または --token-file <ファイル>）で指定してください。取得方法は README「コマンドラインツール」を参照してください。',
        `The server (${who}) holds the database, so this command does not open it: it asks the server to run the daily jobs now (POST /api/v1/scheduled-jobs/run).`,
        `Give a system administrator's access token in API_TOKEN (or --token-file <file>); README, "Command line tools", shows how to get one.`,
      ].join('\n'),
    );
    process.exit(EXIT_LOCKED);
  }
  try {
    const result = await runJobsThroughServer(serverUrl, token, values.period);
    console.log(
      `period ${result.period}: ${result.issued} request(s) issued by the server at ${serverUrl} ` +
        `(reminders: ${result.reminders}, mails: ${result.mailed})`,
    );
  } catch (error) {
    console.error(error instanceof ServerRefusedError ? error.message : error);
    process.exitCode = 1;
  }
}
