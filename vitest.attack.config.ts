import { defineConfig } from 'vitest/config';

// npm run test:attack: the attack suite against the started server (test/attack). It starts its
// own server process (and database), so it needs no template database and runs alone.
export default defineConfig({
  test: {
    include: ['test/attack/**/*.attack.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 600_000,
    hookTimeout: 240_000,
  },
});
