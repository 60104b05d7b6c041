import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createDatabase } from '../../src/db/create-database.js';
import { DataDirLockedError } from '../../src/db/data-dir-lock.js';

// A process that opens a PGlite data directory through the client factory and keeps it open:
//   node --import tsx test/helpers/hold-data-dir.ts <dir> [<template.tar.gz>]
// (a template dump, when given, fills an empty directory faster than initdb would)
// prints "opened <pid>" once it holds it; a refused opener prints the refusal and exits 3.
const [dir, template] = process.argv.slice(2) as [string, string | undefined];
try {
  const handle = await createDatabase({
    dataDir: dir,
    openedBy: 'hold-data-dir',
    ...(template && (!existsSync(dir) || readdirSync(dir).length === 0)
      ? { loadDataDir: new Blob([await readFile(template)]) }
      : {}),
  });
  await handle.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
  // the handler is in place before the parent is told, so a SIGTERM right after closes cleanly
  process.on('SIGTERM', () => {
    handle.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
  setInterval(() => {}, 60_000);
  console.log(`opened ${process.pid}`);
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  console.error(error.message);
  process.exit(3);
}
