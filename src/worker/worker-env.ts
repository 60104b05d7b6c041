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
  /** "1": webhook endpoints on private addresses and over http (a local receiver under `wrangler dev`). */
  WEBHOOK_ALLOW_PRIVATE?: string;
  /** The app's public address, prefixed to the record's page in webhook payloads. */
  PUBLIC_BASE_URL?: string;
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

/** wrangler.toml [triggers]: 00:10 Asia/Tokyo daily, every five minutes for summary PDFs, every minute for webhooks. */
export const DAILY_CRON = '10 15 * * *';
export const SUMMARY_EXPORTS_CRON = '*/5 * * * *';
export const WEBHOOKS_CRON = '* * * * *';

/**
 * Webhooks on a Worker: no DNS lookup is at hand, so only literal addresses are checked here;
 * Cloudflare's fetch does not reach private networks in any case.
 */
export function workerWebhookSettings(env: WorkerEnv) {
  return { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE === '1', publicBaseUrl: env.PUBLIC_BASE_URL || undefined };
}
