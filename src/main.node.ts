import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { answerClientErrors } from './adapters/node-client-errors.js';
import { createSmtpMailer } from './adapters/smtp-mailer.js';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { isEmpty, seedDemoData } from './demo/seed-demo-data.js';
import { startScheduler } from './jobs/scheduler.js';
import { buildNodeDeps, openDatabase } from './node-runtime.js';

// Node entry: database (PGlite in DATA_DIR, or PostgreSQL with DATABASE_URL), migrations, demo
// data on first start, then the HTTP server.

const config = readConfig();
const logger = pino({ level: config.logLevel });
let handle: Awaited<ReturnType<typeof openDatabase>>;
try {
  handle = await openDatabase(config, logger, 'server');
} catch (error) {
  // another server or a command line tool holds the PGlite directory: say who, and stop
  if (!(error instanceof DataDirLockedError)) throw error;
  console.error(error.message);
  process.exit(3);
}
const deps = await buildNodeDeps(handle, config, logger);

if (config.demoData && (await isEmpty(handle.db))) {
  const demo = await seedDemoData(handle.db, deps.passwords, {
    now: deps.now,
    password: config.demoPassword,
  });
  const lines = demo.signIns.map(
    (s) => `  ${s.role.padEnd(20)} ${s.email.padEnd(36)} ${s.password}   (${s.organisation})`,
  );
  // Printed once: the passwords are not stored anywhere in clear text.
  console.log(
    ['', 'デモデータを作成しました / Demo data created. Sign-ins (shown only this once):', ...lines, ''].join(
      '\n',
    ),
  );
}

// Six-monthly report requests and reminders: at 00:10 Asia/Tokyo daily, and now (catch-up).
const mailer = process.env.SMTP_URL
  ? createSmtpMailer(process.env.SMTP_URL, process.env.MAIL_FROM)
  : undefined;
const scheduler = config.scheduler
  ? startScheduler({ db: handle.db, now: deps.now, logger, mailer, webhooks: deps.webhooks })
  : undefined;

// the same jobs on an administrator's "run now" (POST /api/v1/scheduled-jobs/run)
const app = createApp({ ...deps, mailer });
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  // the command line tools find the server that holds the PGlite directory here
  handle.lock?.setUrl(`http://127.0.0.1:${info.port}`);
  logger.info(
    {
      port: info.port,
      database: handle.kind,
      dataDir: handle.kind === 'pglite' ? config.dataDir : undefined,
    },
    `listening on http://localhost:${info.port} (API reference: /api/docs)`,
  );
});

// Requests Node refuses before the app (headers too large, malformed) get the app's headers too.
answerClientErrors(server as Server);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  scheduler?.stop();
  server.close();
  await scheduler?.ready;
  await deps.readReplica?.close();
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
