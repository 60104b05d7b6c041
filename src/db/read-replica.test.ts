import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/helpers/test-database.js';
import { readConfig } from '../config.js';
import { buildNodeDeps } from '../node-runtime.js';
import type { DatabaseHandle } from './create-database.js';
import { lsnValue, openReadReplica } from './read-replica.js';

// The read replica's bookkeeping without a replica; test/hardening/read-replica.test.ts streams a
// real one on the PostgreSQL pass.

const handles: DatabaseHandle[] = [];
afterAll(async () => {
  for (const handle of handles) await handle.close();
});

describe('read replica', () => {
  it('orders WAL positions by both halves, not as text', () => {
    expect(lsnValue('0/16B3748') < lsnValue('0/16B3749')).toBe(true);
    expect(lsnValue('0/FFFFFFFF') < lsnValue('1/0')).toBe(true);
    expect(lsnValue('A/0') > lsnValue('9/FFFFFFFF')).toBe(true);
    expect(lsnValue('FFFFFFFF/FFFFFFFF')).toBe(2n ** 64n - 1n);
    for (const bad of ['', '0', '0/', 'x/1', '0/1/2', '123456789/0']) expect(() => lsnValue(bad)).toThrow();
  });

  it('sends a session that wrote nothing to the replica without asking it, and one that wrote to the primary when the replica cannot answer', async () => {
    const errors: Error[] = [];
    // nothing listens on port 1: every question to this "replica" fails
    const replica = openReadReplica({
      databaseUrl: 'postgres://postgres@127.0.0.1:1/none',
      onError: (e) => errors.push(e),
    });
    try {
      expect(await replica.hasReplayed(null)).toBe(true);
      expect(errors).toEqual([]);
      expect(await replica.hasReplayed('0/16B3748')).toBe(false);
      expect(errors.length).toBe(1);
    } finally {
      await replica.close();
    }
  });

  it('uses DATABASE_REPLICA_URL with PostgreSQL and ignores it with PGlite', async () => {
    const handle = await openTestDatabase();
    handles.push(handle);
    const config = readConfig({
      DATABASE_REPLICA_URL: 'postgres://postgres@127.0.0.1:1/none',
      DATA_DIR: '/nonexistent',
    });
    const deps = await buildNodeDeps(handle, config, pino({ level: 'silent' }));
    if (handle.kind === 'pglite') {
      expect(deps.readReplica).toBeUndefined();
    } else {
      expect(deps.readReplica).toBeDefined();
      await deps.readReplica!.close();
    }
  });
});
