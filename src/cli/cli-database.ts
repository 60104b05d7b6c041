import type { NodeConfig } from '../config.js';
import type { DatabaseHandle } from '../db/create-database.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { openDatabase } from '../node-runtime.js';

/** Exit code of a tool refused because another process holds the PGlite directory. */
export const EXIT_LOCKED = 3;

/**
 * Opens the database for a command line tool. On PGlite the data directory is locked: while the
 * server (or another tool) has it open, the tool is refused with the holder's pid and what to do.
 */
export async function openForTool(command: string, config: NodeConfig): Promise<DatabaseHandle> {
  try {
    return await openDatabase(config, undefined, command);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(error.message);
    process.exit(EXIT_LOCKED);
  }
}
