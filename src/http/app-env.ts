import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AppAbility } from '../../policies/app-ability.js';
import type { Database } from '../db/database.js';
import type { ReadReplica } from '../db/read-replica.js';
import type { AuthSettings } from '../domain/auth/auth-services.js';
import type { Authenticated } from '../domain/auth/authenticate.js';
import type { PasswordHasher } from '../domain/auth/password-hasher.js';
import type { TokenService } from '../domain/auth/token-service.js';
import type { Mailer } from '../domain/notifications/mailer.js';
import type { WebhookSettings } from '../domain/webhooks/endpoint-address.js';

/** What the app is built from: no module-level singletons, so tests build as many as they like. */
export interface AppDeps {
  /** The primary: every transition, every read inside a transaction, sessions. */
  db: Kysely<Database>;
  /**
   * A streaming replica (DATABASE_REPLICA_URL, PostgreSQL only) for the reads that `readContext`
   * serves: lists, summaries and PDFs (README "Read replicas"). Absent: everything reads `db`.
   */
  readReplica?: ReadReplica;
  tokens: TokenService;
  passwords: PasswordHasher;
  logger: Logger;
  now: () => Date;
  settings: AuthSettings;
  /** Secure cookies need HTTPS, or localhost, which browsers treat as secure. */
  secureCookies: boolean;
  /** Reads a static asset shipped in an npm package (API reference page); absent on Workers, whose static assets serve these paths before the app. */
  readAsset?: (name: string) => Promise<{ body: Uint8Array; type: string } | undefined>;
  /** The client's address, for sign-in throttling; the Node entry reads it from the socket. */
  clientIp?: (c: import('hono').Context) => string | null;
  /**
   * Draws the council-summary PDFs waiting in summary_exports, once the request that asked for one
   * has committed: Node in a worker thread, a Worker after its response (ctx.waitUntil).
   */
  drawSummaryExports: (logger: Pick<Logger, 'info' | 'error'>) => void;
  /** Sends the reminders by mail in an administrator's run now (SMTP on Node, an HTTP API on Workers). */
  mailer?: Mailer;
  /** Readiness: whether the database answers. */
  ping: () => Promise<void>;
  /** How webhook endpoints may be reached (WEBHOOK_ALLOW_PRIVATE, DNS on Node); absent: https to public addresses only. */
  webhooks?: WebhookSettings;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    logger: Logger;
    auth: Authenticated & { ability: AppAbility; via: 'bearer' | 'cookie' };
  };
}
