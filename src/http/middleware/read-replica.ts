import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { sql } from 'kysely';
import type { UseCaseContext } from '../../domain/shared/context.js';
import type { AppEnv } from '../app-env.js';
// renamed: it is no React hook, but the linter's hook rule goes by the name
import { useCaseContext as contextOf } from './authenticate.js';

// Read replicas (README "Read replicas"). Two pieces, both idle without DATABASE_REPLICA_URL:
//  - rememberSessionWrites: after a signed-in write request, the session stores where the
//    primary's WAL stood (sessions.written_lsn, on the primary, so every instance sees it);
//  - readContext: the use-case context for the reads that may come from the replica. It is the
//    replica's only when the replica has replayed past the session's last write, so a user always
//    reads their own write. The reads that use it are the call sites of readContext, no others:
//    `grep -rn "readContext(" src/http`.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * App-wide, around everything: once a cookie or Bearer request that may have written has been
 * answered (its transaction committed), records the primary's WAL position on its session.
 */
export const rememberSessionWrites = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const { readReplica, db } = c.get('deps');
  const auth = c.get('auth');
  // a refusal (4xx) changed nothing: nothing to wait for
  if (!readReplica || !auth || SAFE_METHODS.has(c.req.method) || c.res.status >= 400) return;
  try {
    // pg_current_wal_lsn() is past the commit record of the request's transaction: it committed
    // (synchronous_commit on, PostgreSQL's default) before this statement began
    await sql`update sessions set written_lsn = pg_current_wal_lsn() where id = ${auth.sessionId}`.execute(
      db,
    );
  } catch (error) {
    // the write itself has committed: its answer stands; the user may see a list a moment old
    c.get('logger').error({ err: error }, 'could not record the session write position');
  }
});

/**
 * The signed-in caller's context for a list, summary or PDF read: on the read replica when one is
 * configured and has replayed this session's last write, on the primary otherwise. Never for a
 * change or a read that a change depends on: those take `useCaseContext`.
 */
export async function readContext(c: Context<AppEnv>): Promise<UseCaseContext> {
  const ctx = contextOf(c);
  const replica = c.get('deps').readReplica;
  if (!replica) return ctx;
  return (await replica.hasReplayed(c.get('auth').writtenLsn)) ? { ...ctx, db: replica.db } : ctx;
}
