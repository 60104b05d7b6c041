import { sql } from 'kysely';
import pino from 'pino';
import { createScryptPasswordHasher } from '../../src/adapters/scrypt-password-hasher.js';
import { createApp } from '../../src/app.js';
import type { DatabaseHandle } from '../../src/db/create-database.js';
import { type AuthSettings, DEFAULT_AUTH_SETTINGS } from '../../src/domain/auth/auth-services.js';
import { loadTokenService } from '../../src/domain/auth/token-service.js';
import type { AppDeps } from '../../src/http/app-env.js';
import { drawSummaryExportsInThreads } from '../../src/node-runtime.js';
import { openTestDatabase } from './test-database.js';

/** A clock the test moves by hand. */
export interface TestClock {
  now: () => Date;
  set(date: Date | string): void;
  advance(ms: number): void;
}

export function createClock(start = '2026-11-22T01:00:00Z'): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (date) => {
      current = new Date(date).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export interface CallResult {
  status: number;
  body: any;
  headers: Headers;
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  handle: DatabaseHandle;
  clock: TestClock;
  /** Calls the app like an HTTP client would; `token` becomes a Bearer header. */
  call(
    method: string,
    path: string,
    options?: { token?: string; json?: unknown; headers?: Record<string, string>; body?: BodyInit },
  ): Promise<CallResult>;
  close(): Promise<void>;
}

/** scrypt at a low cost: the same code path as production, fast enough for hundreds of sign-ins. */
export const testPasswords = createScryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 });

export async function createTestApp(
  options: {
    settings?: Partial<AuthSettings>;
    deps?: Partial<AppDeps>;
    /** A database of the test's own (migrated) instead of a fresh copy of the template. */
    handle?: DatabaseHandle;
  } = {},
): Promise<TestApp> {
  const handle = options.handle ?? (await openTestDatabase());
  const clock = createClock();
  const deps: AppDeps = {
    db: handle.db,
    tokens: await loadTokenService(handle.db),
    passwords: testPasswords,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    now: clock.now,
    settings: { ...DEFAULT_AUTH_SETTINGS, ...options.settings },
    secureCookies: true,
    clientIp: (c) => c.req.header('x-test-client-ip') ?? null,
    drawSummaryExports: drawSummaryExportsInThreads(handle.db, clock.now),
    ping: async () => {
      await sql`select 1`.execute(handle.db);
    },
    ...options.deps,
  };
  const app = createApp(deps);
  return {
    app,
    deps,
    handle,
    clock,
    async call(method, path, { token, json, headers = {}, body } = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (token) (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
      if (json !== undefined) {
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
        init.body = JSON.stringify(json);
      } else if (body !== undefined) {
        init.body = body;
      }
      const res = await app.request(path, init);
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    close: () => handle.close(),
  };
}
