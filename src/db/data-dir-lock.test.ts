import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from './create-database.js';
import { DataDirLockedError, isAlive, lockDataDir, lockFileOf, readLockHolder } from './data-dir-lock.js';

// Two processes must never open one PGlite directory (issue 16: `npm run reports:issue` opened the
// running server's directory as a second engine, and its writes never reached the server). Real
// child processes hold and contend for the directory through the client factory.

const execFileAsync = promisify(execFile);
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'data-dir-lock-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

// the migrated template of the test run, when on PGlite: opening it is faster than initdb
const template = inject('pgliteTemplate');

function hold(dir: string): { child: ChildProcess; opened: Promise<number>; stderr: () => string } {
  const args = ['--import', 'tsx', 'test/helpers/hold-data-dir.ts', dir, ...(template ? [template] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const opened = new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /opened (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.stderr!.on('data', (chunk) => {
      err += chunk;
    });
    child.once('exit', (code) => reject(new Error(`holder exited ${code}: ${err}`)));
  });
  return { child, opened, stderr: () => err };
}

async function openInAnotherProcess(dir: string): Promise<{ code: number; stderr: string }> {
  try {
    const { stdout } = await execFileAsync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `
        import { createDatabase } from './src/db/create-database.ts';
        const h = await createDatabase({ dataDir: ${JSON.stringify(dir)}, openedBy: 'second' });
        await h.close();
        console.log('opened');`,
      ],
      { timeout: 60_000 },
    );
    return { code: stdout.includes('opened') ? 0 : -1, stderr: '' };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve()),
  );

describe('the lock on a PGlite data directory', () => {
  it('refuses a second process while the first holds it, and lets one in after the first is killed', async () => {
    const dir = join(root, 'pglite');
    mkdirSync(dir);
    const first = hold(dir);
    const pid = await first.opened;
    try {
      // the second opener is refused, told who holds it and what to do, in Japanese and English
      const second = hold(dir);
      await expect(second.opened).rejects.toThrow(/holder exited 3/);
      const refused = await openInAnotherProcess(dir);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(`pid ${pid}`);
      expect(refused.stderr).toContain('別のプロセス');
      expect(refused.stderr).toContain('in use by another process');
      expect(refused.stderr).toContain('hold-data-dir');

      // killed outright: the lock file stays, but its holder is dead
      first.child.kill('SIGKILL');
      await exited(first.child);
      expect(existsSync(lockFileOf(dir))).toBe(true);
      expect(readLockHolder(dir)).toBeUndefined();

      const third = hold(dir);
      const thirdPid = await third.opened;
      try {
        expect(JSON.parse(readFileSync(lockFileOf(dir), 'utf8')).pid).toBe(thirdPid);
        expect(readLockHolder(dir)?.pid).toBe(thirdPid);
      } finally {
        third.child.kill('SIGTERM');
        await exited(third.child);
      }
      expect(third.child.exitCode, third.stderr()).toBe(0);
      // a holder that closes its database gives the lock up
      expect(existsSync(lockFileOf(dir))).toBe(false);
      expect((await openInAnotherProcess(dir)).code).toBe(0);
    } finally {
      first.child.kill('SIGKILL');
    }
  }, 120_000);

  it('refuses a second opener in the same process, and lets it in once the first closes', async () => {
    const dir = join(root, 'same-process');
    const loadDataDir = template ? new Blob([readFileSync(template)]) : undefined;
    const first = await createDatabase({
      dataDir: dir,
      openedBy: 'first',
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    try {
      const second = createDatabase({ dataDir: dir, openedBy: 'second' });
      await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(second).rejects.toThrow(`pid ${process.pid}`);
    } finally {
      await first.close();
    }
    const again = await createDatabase({ dataDir: dir });
    // the lock lies beside the directory: a dump of the directory (a backup) never holds it
    expect(lockFileOf(dir)).toBe(`${dir}.lock`);
    await again.close();
  }, 60_000);

  it('replaces a lock left by a dead process, and one whose pid now belongs to a later process', async () => {
    const dir = join(root, 'stale');
    mkdirSync(dir);
    const child = spawn(process.execPath, ['-e', '0']);
    await exited(child);
    const dead = { pid: child.pid!, lockedAt: new Date().toISOString(), command: 'server' };
    expect(isAlive(dead)).toBe(false);
    writeFileSync(lockFileOf(dir), JSON.stringify(dead));
    const lock = lockDataDir(dir, 'test');
    expect(JSON.parse(readFileSync(lockFileOf(dir), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lockFileOf(dir))).toBe(false);

    // a live pid that started at another moment than the holder did is not the holder
    if (existsSync('/proc/self/stat')) {
      const reused = { pid: process.pid, processStart: '1', lockedAt: dead.lockedAt, command: 'server' };
      expect(isAlive(reused)).toBe(false);
      writeFileSync(lockFileOf(dir), JSON.stringify(reused));
      const retaken = lockDataDir(dir, 'test');
      expect(retaken.holder.processStart).not.toBe('1');
      retaken.release();
    }
  });

  it('lets exactly one of several processes take over a stale lock at once', async () => {
    const dir = join(root, 'contended');
    mkdirSync(dir);
    const child = spawn(process.execPath, ['-e', '0']);
    await exited(child);
    writeFileSync(lockFileOf(dir), JSON.stringify({ pid: child.pid, lockedAt: '', command: 'server' }));
    const script = `
      import { lockDataDir } from './src/db/data-dir-lock.ts';
      const start = Date.now() + 1500 - (Date.now() % 1500); // every process starts at the same moment
      while (Date.now() < start) {}
      try {
        const lock = lockDataDir(${JSON.stringify(dir)}, 'contender');
        console.log('took');
        setTimeout(() => lock.release(), 2000);
      } catch (error) {
        console.log(error.name);
      }`;
    const runs = await Promise.all(
      [1, 2, 3, 4].map(() =>
        execFileAsync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
          timeout: 60_000,
        }),
      ),
    );
    const answers = runs.map((r) => r.stdout.trim()).sort();
    expect(answers).toEqual(['DataDirLockedError', 'DataDirLockedError', 'DataDirLockedError', 'took']);
    expect(existsSync(lockFileOf(dir))).toBe(false);
  }, 120_000);

  it('keeps a lock whose holder lives, and records the server address for the tools', () => {
    const dir = join(root, 'url');
    const lock = lockDataDir(dir, 'server');
    try {
      expect(() => lockDataDir(dir, 'migrate')).toThrow(DataDirLockedError);
      lock.setUrl('http://127.0.0.1:8787');
      expect(readLockHolder(dir)).toMatchObject({
        pid: process.pid,
        command: 'server',
        url: 'http://127.0.0.1:8787',
      });
    } finally {
      lock.release();
    }
    expect(readLockHolder(dir)).toBeUndefined();
  });
});
