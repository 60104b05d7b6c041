import { type Kysely, sql } from 'kysely';
import { createPgDatabase } from './create-pg-database.js';
import type { Database } from './database.js';

// A streaming replica of the PostgreSQL primary (DATABASE_REPLICA_URL), for the reads listed in
// README "Read replicas": permission-filtered lists, summaries and PDFs. Transitions and every read
// inside a transaction stay on the primary; a session that wrote reads the primary until the
// replica has replayed past its write (sessions.written_lsn).

export interface ReadReplica {
  db: Kysely<Database>;
  /**
   * Whether the replica has replayed the primary's WAL up to `lsn` (a session's last write); true
   * for null (nothing written). False when the replica cannot say (not a standby, unreachable).
   */
  hasReplayed(lsn: string | null): Promise<boolean>;
  close(): Promise<void>;
}

/** 'X/Y' (pg_lsn's text form: two hexadecimal halves) as one number, for comparing positions. */
export function lsnValue(lsn: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(lsn);
  if (!match) throw new Error(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function openReadReplica(options: {
  databaseUrl: string;
  poolSize?: number;
  onError?: (error: Error) => void;
}): ReadReplica {
  const { db, close } = createPgDatabase({
    databaseUrl: options.databaseUrl,
    poolSize: options.poolSize,
    onIdleClientError: options.onError,
  });
  // The highest position this process has seen the replica replay: replay only moves forward, so
  // a session whose write is behind it needs no question to the replica.
  let replayed = -1n;
  return {
    db,
    close,
    async hasReplayed(lsn) {
      if (lsn === null) return true;
      const wanted = lsnValue(lsn);
      if (wanted <= replayed) return true;
      try {
        const { rows } = await sql<{
          lsn: string | null;
        }>`select pg_last_wal_replay_lsn()::text as lsn`.execute(db);
        const at = rows[0]?.lsn;
        if (!at) return false; // not a standby: it cannot say what it has replayed
        const value = lsnValue(at);
        if (value > replayed) replayed = value;
        return wanted <= value;
      } catch (error) {
        options.onError?.(error as Error);
        return false;
      }
    },
  };
}
