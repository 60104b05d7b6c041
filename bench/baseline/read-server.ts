import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { pgTypes } from '../../src/db/create-pg-database.js';
import type { CapturedRead } from '../lib/capture-statements.js';

// Baseline for reads (issue 21): the least a server can do to answer the product's read — the same
// Hono and node adapter, the same pg pool settings and type parsers, and per request the very
// statements the product ran for that path (its session lookup, permission SQL and query, taken
// from the product's own query log by capture-statements.ts), in the same order, answering the
// rows as JSON. No authorisation logic, no presentation, no logging: what is left is the floor.

const reads = JSON.parse(readFileSync(process.env.STATEMENTS_FILE!, 'utf8')) as Record<string, CapturedRead>;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, types: pgTypes });

/** JSON turned Buffers into {type, data}; give the driver the bytes back. */
const revive = (value: unknown): unknown =>
  value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer'
    ? Buffer.from((value as { data: number[] }).data)
    : value;

const app = new Hono();
app.get('/readyz', (c) => c.json({ status: 'ready' }));
app.get('*', async (c) => {
  const url = new URL(c.req.url);
  const read = reads[url.pathname + url.search];
  if (!read) return c.json({ error: 'not captured' }, 404);
  if (!c.req.header('authorization')) return c.json({ error: 'unauthenticated' }, 401);
  let largest: unknown[] = [];
  for (const s of read.statements) {
    const result = await pool.query(s.sql, s.parameters.map(revive));
    if (result.rows.length >= largest.length) largest = result.rows;
  }
  return c.json({ items: largest, nextCursor: null });
});

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 8789) });
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
