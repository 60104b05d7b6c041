import type { AssetFetcher } from './worker-fonts.js';

/** What wrangler.toml binds to the Worker: bindings, vars and secrets. */
export interface WorkerEnv {
  /** PostgreSQL through Hyperdrive (its local connection string under `wrangler dev`). */
  HYPERDRIVE: { connectionString: string };
  /** The static assets in build/worker/public (fonts, Swagger UI). */
  ASSETS: AssetFetcher;
  /** Secret: ES256 private JWK; without it the signing keys in the database are used. */
  JWT_PRIVATE_JWK?: string;
  LOG_LEVEL?: string;
  /** The HTTP mail API's endpoint; without it reminders stay in the app. */
  MAIL_API_URL?: string;
  /** Secret: the mail API's bearer token. */
  MAIL_API_TOKEN?: string;
  MAIL_FROM?: string;
}

/** The parts of the Workers runtime's ExecutionContext and ScheduledController the entry uses. */
export interface WorkerContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
}

export interface ScheduledEvent {
  cron: string;
  scheduledTime: number;
}

/** wrangler.toml [triggers]: 00:10 Asia/Tokyo daily, and every five minutes for summary PDFs. */
export const DAILY_CRON = '10 15 * * *';
export const SUMMARY_EXPORTS_CRON = '*/5 * * * *';
