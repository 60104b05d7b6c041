import { lookup } from 'node:dns/promises';
import { appendFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { sql } from 'kysely';
import pino, { type Logger } from 'pino';
import { createScryptPasswordHasher } from './adapters/scrypt-password-hasher.js';
import type { NodeConfig } from './config.js';
import { createDatabase, type DatabaseHandle } from './db/create-database.js';
import { migrateToLatest } from './db/migrator.js';
import { openReadReplica, type ReadReplica } from './db/read-replica.js';
import { DEFAULT_AUTH_SETTINGS } from './domain/auth/auth-services.js';
import { loadTokenService } from './domain/auth/token-service.js';
import { deliverDueWebhooks } from './domain/webhooks/deliver-webhooks.js';
import type { WebhookSettings } from './domain/webhooks/endpoint-address.js';
import type { AppDeps } from './http/app-env.js';
import { clientAddress } from './http/client-address.js';
import { runSummaryExports } from './jobs/summary-exports.js';
import { renderSummaryInWorker } from './jobs/summary-render-thread.js';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export async function openDatabase(
  config: Pick<NodeConfig, 'databaseUrl' | 'dataDir'> & { queryLogFile?: string },
  logger?: Logger,
  /** Who opens it, as a second opener of the PGlite directory is told: 'server' or a tool's name. */
  openedBy = 'process',
): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return createDatabase({
      databaseUrl: config.databaseUrl,
      onIdleClientError: (error) =>
        logger?.warn({ err: error }, 'idle database connection failed; it will be replaced'),
      ...(config.queryLogFile ? { onQuery: queryLogger(config.queryLogFile) } : {}),
    });
  }
  const dir = pgliteDir(config);
  mkdirSync(dir, { recursive: true });
  return createDatabase({ dataDir: dir, openedBy });
}

/** Appends each statement and its parameters to `file`, a JSON line each (synchronously: in order). */
function queryLogger(file: string) {
  return (sql: string, parameters: readonly unknown[]) =>
    appendFileSync(file, `${JSON.stringify({ sql, parameters })}\n`);
}

/** Where PGlite keeps its data under DATA_DIR (locked by `<dir>.lock` while a process has it open). */
export function pgliteDir(config: Pick<NodeConfig, 'dataDir'>): string {
  return join(config.dataDir, 'pglite');
}

const require = createRequire(import.meta.url);
const assetTypes: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};

/** Reads Swagger UI's files from its npm package. */
export async function readAsset(name: string) {
  const dir = dirname(require.resolve('swagger-ui-dist/package.json'));
  const body = await readFile(join(dir, name)).catch(() => undefined);
  if (!body) return undefined;
  return {
    body: new Uint8Array(body),
    type: assetTypes[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
  };
}

/** Migrates the database and assembles the app's dependencies for Node. */
export async function buildNodeDeps(
  handle: DatabaseHandle,
  config: NodeConfig,
  logger: Logger = pino({ level: config.logLevel }),
): Promise<AppDeps> {
  const applied = await migrateToLatest(handle.db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  return {
    db: handle.db,
    ...readReplicaOf(handle, config, logger),
    tokens: await loadTokenService(handle.db, { privateJwk: config.jwtPrivateJwk }),
    passwords: createScryptPasswordHasher(),
    logger,
    now: () => new Date(),
    settings: DEFAULT_AUTH_SETTINGS,
    secureCookies: config.secureCookies,
    readAsset,
    clientIp: (c) => {
      let peer: string | null = null;
      try {
        peer = getConnInfo(c).remote.address ?? null;
      } catch {
        // no socket (a request made in-process)
      }
      return clientAddress(peer, c.req.header('x-forwarded-for'), config.trustedProxyHops);
    },
    drawSummaryExports: drawSummaryExportsInThreads(handle.db, () => new Date()),
    ping: async () => {
      await sql`select 1`.execute(handle.db);
    },
    webhooks: nodeWebhookSettings(handle.db, config, logger),
  };
}

/**
 * Webhooks on Node: host names resolved by DNS for the private-address check, and deliveries made
 * right after the commit that queued them (one run at a time per process; the scheduler's minute
 * tick retries and catches up, and its claims keep other servers off the same attempt).
 */
export function nodeWebhookSettings(
  db: AppDeps['db'],
  config: Pick<NodeConfig, 'webhookAllowPrivate' | 'publicBaseUrl'>,
  logger: Logger,
  now: () => Date = () => new Date(),
): WebhookSettings {
  const settings: WebhookSettings = {
    allowPrivate: config.webhookAllowPrivate,
    publicBaseUrl: config.publicBaseUrl,
    resolveHost: async (host) => (await lookup(host, { all: true })).map((a) => a.address),
  };
  let running = false;
  let again = false;
  settings.deliverSoon = () => {
    again = true;
    if (running) return;
    running = true;
    void (async () => {
      try {
        while (again) {
          again = false;
          await deliverDueWebhooks({ db, now, logger, settings });
        }
      } catch (err) {
        logger.error({ err }, 'webhook delivery failed');
      } finally {
        running = false;
      }
    })();
  };
  return settings;
}

/** DATABASE_REPLICA_URL on PostgreSQL; PGlite is one process's database and has no replica. */
function readReplicaOf(
  handle: DatabaseHandle,
  config: Pick<NodeConfig, 'databaseReplicaUrl'>,
  logger: Logger,
): { readReplica?: ReadReplica } {
  if (!config.databaseReplicaUrl) return {};
  if (handle.kind !== 'postgres') {
    logger.warn('DATABASE_REPLICA_URL is ignored: it needs DATABASE_URL (PostgreSQL), not PGlite');
    return {};
  }
  const readReplica = openReadReplica({
    databaseUrl: config.databaseReplicaUrl,
    onError: (error) => logger.warn({ err: error }, 'read replica connection failed'),
  });
  logger.info('lists, summaries and PDFs read from the replica (DATABASE_REPLICA_URL)');
  return { readReplica };
}

/** Node: summary PDFs are drawn in worker threads, one at a time per process, after the request. */
export function drawSummaryExportsInThreads(
  db: AppDeps['db'],
  now: () => Date,
): AppDeps['drawSummaryExports'] {
  return (logger) => {
    runSummaryExports({ db, now, logger, render: renderSummaryInWorker }).catch((err: unknown) =>
      logger.error({ err }, 'summary exports stopped'),
    );
  };
}
