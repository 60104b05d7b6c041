import { join } from 'node:path';

/** Settings read from the environment once, at start. */
export interface NodeConfig {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  jwtPrivateJwk?: string;
  secureCookies: boolean;
  logLevel: string;
  demoData: boolean;
  demoPassword?: string;
  trustProxy: boolean;
  /** Run the daily jobs (report requests, reminders) in this process. */
  scheduler: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): NodeConfig {
  const dataDir = env.DATA_DIR ?? join(process.cwd(), 'data');
  return {
    port: Number(env.PORT ?? 8787),
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    jwtPrivateJwk: env.JWT_PRIVATE_JWK || undefined,
    secureCookies: env.COOKIE_SECURE !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    demoData: env.DEMO_DATA !== 'false',
    demoPassword: env.DEMO_PASSWORD || undefined,
    trustProxy: env.TRUST_PROXY === 'true',
    scheduler: env.SCHEDULER !== 'false',
  };
}
