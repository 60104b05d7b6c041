import { defineConfig } from 'vitest/config';

// Each test file gets its own database: a PGlite started from a migrated template dump, or, with
// DATABASE_URL set, a PostgreSQL database created from a migrated template database. Two workers
// keep memory within the machine (a PGlite instance takes up to ~0.9 GB).
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // test/workers runs against wrangler dev: vitest.workers.config.ts
    exclude: ['node_modules/**', 'data/**', 'scratch/**', 'test/workers/**'],
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
