import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../../src/db/create-database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { withDatabase } from '../helpers/database-url.js';
import { buildWorld, type World } from '../helpers/world.js';
import { startMailSink } from './mail-sink.js';
import { workerTestApp } from './worker-test-app.js';
import { startWranglerDev } from './wrangler-dev.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Worker under `wrangler dev`, its database and the mail API stand-in it posts to. */
    workerRun: { url: string; databaseUrl: string; mailSink: string; log: string };
    /** The test world, seeded from Node and signed in through the Worker. */
    // the world as data: provided values cross to the test workers serialised, so no functions
    workerWorld: Omit<World, 'today'>;
  }
}

/**
 * One Worker for the whole run (its Hyperdrive binding names one database): a fresh database on
 * the PostgreSQL server, migrated and seeded from Node, the way a Workers deployment's database
 * is prepared (README); the files then run one after another against it.
 */
export default async function setup(project: TestProject) {
  const server = process.env.WORKERS_PG_SERVER ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `wk_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const databaseUrl = withDatabase(server, name);
  const handle = await createDatabase({ databaseUrl, poolSize: 4 });
  const sink = await startMailSink();
  let worker: Awaited<ReturnType<typeof startWranglerDev>> | undefined;
  const teardown = async () => {
    await worker?.stop();
    await sink.close();
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  try {
    await migrateToLatest(handle.db);
    worker = await startWranglerDev({
      databaseUrl,
      vars: { MAIL_API_URL: `${sink.url}/emails`, MAIL_API_TOKEN: 'sink-token' },
    });
    // every user signs in through the Worker: it verifies the scrypt hashes Node's adapter stored
    const world = await buildWorld(workerTestApp(worker.url, handle));
    project.provide('workerRun', { url: worker.url, databaseUrl, mailSink: sink.url, log: worker.log });
    const { today: _today, ...data } = world;
    project.provide('workerWorld', data);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
