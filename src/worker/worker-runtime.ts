import { AsyncLocalStorage } from 'node:async_hooks';
import { type Kysely, sql } from 'kysely';
import pino, { type Logger } from 'pino';
import { createHttpMailer } from '../adapters/http-mailer.js';
import { createScryptPasswordHasher } from '../adapters/scrypt-password-hasher.js';
import { createPgDatabase } from '../db/create-pg-database.js';
import type { Database } from '../db/database.js';
import { DEFAULT_AUTH_SETTINGS } from '../domain/auth/auth-services.js';
import { loadTokenService, type TokenService } from '../domain/auth/token-service.js';
import type { Mailer } from '../domain/notifications/mailer.js';
import type { WebhookSettings } from '../domain/webhooks/endpoint-address.js';
import type { AppDeps } from '../http/app-env.js';
import { drawWaitingExports } from '../jobs/summary-exports.js';
import { renderCouncilSummaryPdf } from '../pdf/council-summary/render-council-summary.js';
import type { WorkerContext, WorkerEnv } from './worker-env.js';

// What differs on Workers, behind the same AppDeps the Node entry fills. A Worker's I/O belongs to
// the request (or cron run) that opened it: a pg connection cannot outlive it, nor be shared with
// another request the isolate serves at the same time. So each invocation opens its own pool on
// Hyperdrive (which keeps the real connections to PostgreSQL warm) and closes it when its
// background work is done. The Hono app, the logger and the signing keys are built once per
// isolate; the app reads the invocation's database through `deps.db`, looked up in
// AsyncLocalStorage.

export interface Invocation {
  db: Kysely<Database>;
  /** The signing keys; undefined while they cannot be loaded (the database is down). */
  tokens: TokenService | undefined;
  /** Work to finish after the response (ctx.waitUntil); the pool closes after it. */
  background(task: Promise<unknown>): void;
  close(): Promise<void>;
}

const current = new AsyncLocalStorage<Invocation>();
let tokens: Promise<TokenService> | undefined;

function invocation(): Invocation {
  const scope = current.getStore();
  if (!scope) throw new Error('no Worker invocation in scope');
  return scope;
}

/** The keys are loaded once per isolate; a failed load is tried again by the next invocation. */
function signingKeys(db: Kysely<Database>, env: WorkerEnv): Promise<TokenService | undefined> {
  tokens ??= loadTokenService(db, { privateJwk: env.JWT_PRIVATE_JWK || undefined }).catch(
    (error: unknown) => {
      tokens = undefined;
      throw error;
    },
  );
  // without them /healthz still answers and /readyz says the database does not
  return tokens.catch(() => undefined);
}

/** Opens the invocation's database (a pool of a few connections: a transaction holds one). */
export async function openInvocation(env: WorkerEnv, ctx: WorkerContext): Promise<Invocation> {
  const { db, close } = createPgDatabase({ databaseUrl: env.HYPERDRIVE.connectionString, poolSize: 4 });
  const pending: Promise<unknown>[] = [];
  return {
    db,
    tokens: await signingKeys(db, env),
    background(task) {
      pending.push(task);
      ctx.waitUntil(task);
    },
    async close() {
      // background work may queue more background work; close once all of it has settled
      for (let settled = 0; settled < pending.length; ) {
        const count = pending.length;
        await Promise.allSettled(pending);
        settled = count;
      }
      await close();
    },
  };
}

/** Runs `work` with `scope` as the invocation the app's dependencies read. */
export function withInvocation<T>(scope: Invocation, work: () => T): T {
  return current.run(scope, work);
}

export function createWorkerLogger(env: WorkerEnv): Logger {
  // pino's browser build (what the bundle gets) writes through console, which Workers Logs keep;
  // one JSON object per line, as the Node server logs.
  return pino({
    level: env.LOG_LEVEL ?? 'info',
    browser: { asObject: true, serialize: true, write: (o) => console.log(JSON.stringify(o)) },
  });
}

export function createWorkerMailer(env: WorkerEnv): Mailer | undefined {
  return env.MAIL_API_URL
    ? createHttpMailer({ url: env.MAIL_API_URL, token: env.MAIL_API_TOKEN, from: env.MAIL_FROM })
    : undefined;
}

/** The app's dependencies on Workers, built once per isolate. */
export function createWorkerDeps(logger: Logger, mailer?: Mailer, webhooks?: WebhookSettings): AppDeps {
  const now = () => new Date();
  return {
    get db() {
      return invocation().db;
    },
    get tokens() {
      const loaded = invocation().tokens;
      // a 500 problem through the app's onError, logged with this cause
      if (!loaded) throw new Error('the signing keys could not be loaded from the database');
      return loaded;
    },
    // node:crypto's scrypt is in workerd (nodejs_compat): the same hashes as the Node server's,
    // verified with the parameters stored in each (src/worker/worker-password.test.ts proves it).
    passwords: createScryptPasswordHasher(),
    logger,
    now,
    settings: DEFAULT_AUTH_SETTINGS,
    // Workers serve HTTPS; `wrangler dev` serves http://127.0.0.1, which browsers treat as secure.
    secureCookies: true,
    clientIp: (c) => c.req.header('cf-connecting-ip') ?? null,
    // No worker threads: the PDF is drawn in this isolate after the response is sent.
    drawSummaryExports: (log) => {
      const scope = invocation();
      scope.background(
        drawWaitingExports({ db: scope.db, now, logger: log, render: renderCouncilSummaryPdf }).catch(
          (err: unknown) => log.error({ err }, 'summary exports stopped'),
        ),
      );
    },
    ping: async () => {
      await sql`select 1`.execute(invocation().db);
    },
    mailer,
    webhooks,
  };
}
