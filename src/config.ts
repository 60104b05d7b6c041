import { join } from 'node:path';
import { parseTrustedHops } from './http/client-address.js';

/** Settings read from the environment once, at start. */
export interface NodeConfig {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  /** A streaming replica of DATABASE_URL for lists, summaries and PDFs (README "Read replicas"). */
  databaseReplicaUrl?: string;
  jwtPrivateJwk?: string;
  secureCookies: boolean;
  logLevel: string;
  demoData: boolean;
  demoPassword?: string;
  /** Reverse proxies in front of the server that append to X-Forwarded-For (TRUST_PROXY). */
  trustedProxyHops: number;
  /** Run the daily jobs (report requests, reminders) in this process. */
  scheduler: boolean;
  /**
   * QUERY_LOG_FILE (PostgreSQL only): every statement with its parameters, a JSON line each. The
   * benchmark replays a request's statements in its minimal read server; the parameters hold
   * whatever the request carried, so never set it where residents' data is served.
   */
  queryLogFile?: string;
  /** WEBHOOK_ALLOW_PRIVATE=1: webhook endpoints on private or loopback addresses, over http (tests, demo). */
  webhookAllowPrivate: boolean;
  /** PUBLIC_BASE_URL: the app's address, prefixed to the record's page in webhook payloads. */
  publicBaseUrl?: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): NodeConfig {
  const dataDir = env.DATA_DIR ?? join(process.cwd(), 'data');
  return {
    port: Number(env.PORT ?? 8787),
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || undefined,
    jwtPrivateJwk: env.JWT_PRIVATE_JWK || undefined,
    secureCookies: env.COOKIE_SECURE !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    demoData: env.DEMO_DATA !== 'false',
    demoPassword: env.DEMO_PASSWORD || undefined,
    trustedProxyHops: parseTrustedHops(env.TRUST_PROXY),
    scheduler: env.SCHEDULER !== 'false',
    queryLogFile: env.QUERY_LOG_FILE || undefined,
    webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE === '1',
    publicBaseUrl: env.PUBLIC_BASE_URL || undefined,
  };
}
