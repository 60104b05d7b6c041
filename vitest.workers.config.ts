import { defineConfig } from 'vitest/config';

// The Workers suite: the app and its cron handler in workerd under `wrangler dev`, on a PostgreSQL
// database of its own (test/workers/global-setup.ts). One Worker serves the whole run, so the
// files run one after another. `npm run test:workers`; wrangler itself runs on Node 22.12+
// (scripts/wrangler.mjs finds one).
export default defineConfig({
  test: {
    include: ['test/workers/**/*.test.ts'],
    globalSetup: ['test/workers/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
