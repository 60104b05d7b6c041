import { serve } from '@hono/node-server';
import { Hono } from 'hono';

// Baseline: a bare Hono app on the same Node and the same adapter as the product — one JSON
// route, no middleware, no database. What the product's reads are compared with.

const app = new Hono();
app.get('/readyz', (c) => c.json({ status: 'ready' }));
app.get('/json', (c) => c.json({ message: 'こんにちは', items: [1, 2, 3] }));

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 8788) });
process.on('SIGTERM', () => server.close(() => process.exit(0)));
