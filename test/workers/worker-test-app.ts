import { inject } from 'vitest';
import type { DatabaseHandle } from '../../src/db/create-database.js';
import { toJapanDate } from '../../src/domain/shared/japan-date.js';
import { createClock, type TestApp } from '../helpers/test-app.js';
import type { World } from '../helpers/world.js';

// The test helpers' TestApp, with every request sent over HTTP to the Worker under `wrangler dev`
// instead of to an in-process app: the same helpers (buildWorld, pageClient, the handover steps)
// then drive the Worker. `handle` is the same PostgreSQL database, opened from Node, for seeding and
// for checking what the Worker wrote. The Worker keeps real time; `clock` only dates the seed.

export function workerTestApp(baseUrl: string, handle: DatabaseHandle): TestApp {
  const request = (path: string, init: RequestInit = {}) =>
    // never follow a redirect: the tests read the 303 and its Location, as app.request gives them
    fetch(new URL(path, baseUrl), { redirect: 'manual', ...init });
  return {
    app: { request } as unknown as TestApp['app'],
    deps: undefined as unknown as TestApp['deps'],
    handle,
    clock: createClock(),
    async call(method, path, { token, json, headers = {}, body } = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (token) (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
      if (json !== undefined) {
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
        init.body = JSON.stringify(json);
      } else if (body !== undefined) {
        init.body = body;
      }
      const res = await request(path, init);
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

/**
 * The world the global setup built, as the tests use it: provided values arrive serialised, so
 * `today` is made again here — the Worker runs on the real clock.
 */
export function workerWorld(): World {
  return { ...inject('workerWorld'), today: () => toJapanDate(new Date()) };
}
