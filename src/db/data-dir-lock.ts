import { closeSync, openSync, readFileSync, realpathSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

// PGlite is an embedded database: two processes that open one data directory each run their own
// engine on the same files, and neither sees the other's writes (or both corrupt them). So the
// data directory is locked by a file beside it, `<dir>.lock`, holding the holder's pid, its start
// time and what it is. The file is taken atomically (open with 'wx'); it survives a crash, and a
// lock whose holder is dead (its pid gone, or reused by a process that started later) is replaced.

export interface LockHolder {
  pid: number;
  /** The process's start as the kernel counts it (Linux /proc/<pid>/stat field 22), when known. */
  processStart?: string;
  /** When the lock was taken (ISO). */
  lockedAt: string;
  /** 'server' (npm start) or the command line tool's name. */
  command: string;
  /** A server's own address, for tools that go through it (set once it listens). */
  url?: string;
}

export interface DataDirLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Records the server's address in the lock, for the command line tools. */
  setUrl(url: string): void;
  /** Gives the lock up (idempotent); also done when the process exits. */
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly file: string,
    readonly holder: LockHolder,
  ) {
    super(lockedMessage(dir, file, holder));
    this.name = 'DataDirLockedError';
  }
}

/** The lock file of a data directory: beside it, so that a dump of the directory never holds it. */
export function lockFileOf(dir: string): string {
  // one directory reached by two paths (a symbolic link, a relative path) has one lock
  let real = resolve(dir);
  try {
    real = realpathSync(dir);
  } catch {
    // not created yet
  }
  return join(dirname(real), `${basename(real)}.lock`);
}

function readStat(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may hold spaces: count after its end
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19]; // field 22 overall
  } catch {
    return undefined;
  }
}

/** Whether the process that took a lock is still running (and is the same process). */
export function isAlive(holder: Pick<LockHolder, 'pid' | 'processStart'>): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // a pid reused by a process that started after the holder is not the holder
  const start = holder.processStart ? readStat(holder.pid) : undefined;
  return start === undefined || start === holder.processStart;
}

function parse(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as LockHolder;
    return Number.isInteger(value.pid) && value.pid > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A file being written by the process that just created it reads empty for a moment. */
const WRITING_GRACE_MS = 5000;

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The live holder of a directory's lock, if any. */
export function readLockHolder(dir: string): LockHolder | undefined {
  const text = readText(lockFileOf(dir));
  if (text === undefined) return undefined;
  const holder = parse(text);
  return holder && isAlive(holder) ? holder : undefined;
}

function createExclusive(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function unlinkQuietly(file: string) {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Removes a stale lock whose content was read as `stale`. Replacing must never remove a live lock
 * that another process has just taken, so it happens under a second exclusive file: whoever holds
 * it reads the lock again and removes it only if it is still the stale one.
 */
function removeStale(file: string, stale: string): boolean {
  const guard = `${file}.takeover`;
  if (!createExclusive(guard, JSON.stringify({ pid: process.pid, processStart: readStat(process.pid) }))) {
    // another process is replacing it; a guard left by a crash during a replacement is stale too
    const text = readText(guard);
    const holder = text ? parse(text) : undefined;
    if (holder ? !isAlive(holder) : ageMs(guard) > WRITING_GRACE_MS) unlinkQuietly(guard);
    return false;
  }
  try {
    if (readText(file) === stale) unlinkQuietly(file);
  } finally {
    unlinkQuietly(guard);
  }
  return true;
}

/** Waits without giving the event loop a turn: taking a lock is a short, synchronous affair. */
function pause(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const held = new Set<string>();
let exitHook = false;

function releaseFile(file: string) {
  // only our own lock: never one another process took after ours was found stale
  const text = readText(file);
  if (text !== undefined && parse(text)?.pid === process.pid) unlinkQuietly(file);
  held.delete(file);
}

/**
 * Takes the lock of a PGlite data directory for this process, or throws DataDirLockedError naming
 * the live holder. A lock left by a dead process is replaced.
 */
export function lockDataDir(dir: string, command: string): DataDirLock {
  const file = lockFileOf(dir);
  const holder: LockHolder = {
    pid: process.pid,
    processStart: readStat(process.pid),
    lockedAt: new Date().toISOString(),
    command,
  };
  let content = `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; ; attempt++) {
    if (createExclusive(file, content)) break;
    const text = readText(file);
    if (text === undefined) continue; // released in between: try again
    const other = parse(text);
    if (!other && ageMs(file) <= WRITING_GRACE_MS && attempt < 100) {
      // being written by the process that created it
      pause(50);
      continue;
    }
    if (other && isAlive(other)) throw new DataDirLockedError(dir, file, other);
    if (attempt >= 100) throw new Error(`could not take the lock ${file}`);
    // another process replacing the same stale lock holds the guard: give it a moment
    if (!removeStale(file, text)) pause(20);
  }
  held.add(file);
  if (!exitHook) {
    exitHook = true;
    // a process that exits without closing its database (process.exit, an uncaught error) gives
    // its locks up; one killed outright leaves them for the next opener to find stale
    process.on('exit', () => {
      for (const f of held) releaseFile(f);
    });
  }
  return {
    file,
    holder,
    setUrl(url: string) {
      if (!held.has(file)) return;
      holder.url = url;
      const next = `${JSON.stringify(holder)}\n`;
      // rewritten in place: the file stays ours throughout (no moment without a lock)
      const fd = openSync(file, 'r+');
      try {
        writeSync(fd, next.padEnd(content.length, ' '), 0);
      } finally {
        closeSync(fd);
      }
      content = next;
    },
    release() {
      if (held.has(file)) releaseFile(file);
    },
  };
}

function japanTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(date)} JST`;
}

/** What a second opener is told: who holds the directory, and how to proceed. */
export function lockedMessage(dir: string, file: string, holder: LockHolder): string {
  const isServer = holder.command === 'server';
  const what = isServer ? 'サーバー（npm start）' : `コマンド（${holder.command}）`;
  const whatEn = isServer ? 'the server (npm start)' : `the command ${holder.command}`;
  return [
    `データディレクトリ ${dir} は、別のプロセス（pid ${holder.pid}、${what}、${japanTime(holder.lockedAt)} から）が使用中です。`,
    'PGlite は一つのプロセスしか開けません。',
    isServer
      ? `サーバーを止めてから実行するか（kill ${holder.pid}）、データを変更する処理はサーバー経由で実行してください（README「コマンドラインツール」）。`
      : `そのコマンドの終了を待ってから、もう一度実行してください。`,
    `ロックファイル: ${file}（プロセスが異常終了した場合は、次に開いたときに自動で解除されます）`,
    `The data directory ${dir} is in use by another process (pid ${holder.pid}, ${whatEn}, since ${holder.lockedAt}).`,
    'PGlite can be opened by one process only.',
    isServer
      ? `Stop the server first (kill ${holder.pid}), or run changes through the running server (README, "Command line tools").`
      : 'Wait for that command to finish, then run this one again.',
    `Lock file: ${file} (a lock left by a process that died is taken over automatically).`,
  ].join('\n');
}
