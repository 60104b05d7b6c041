import type { Actor } from '../../../policies/actor.js';
import { inTransaction } from '../shared/context.js';
import { UnauthenticatedError } from '../shared/errors.js';
import { sha256Hex } from '../shared/sha256.js';
import type { AuthServices } from './auth-services.js';
import { actorQuery, toActor } from './load-actor.js';
import { issueAccess } from './open-session.js';
import { constantTimeEqual, randomToken } from './random-token.js';

const SESSION_ENDED = new UnauthenticatedError({
  en: 'The session has ended; sign in again',
  ja: 'セッションが終了しました。再度ログインしてください',
});

/**
 * Exchanges a refresh token for a new access token and a new refresh token (rotation). A refresh
 * token that was already used revokes the whole session: it was copied.
 */
export async function refreshSession(services: AuthServices, refreshToken: string, requestId: string | null) {
  const [sessionId, secret] = refreshToken.split('.');
  if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId)) throw SESSION_ENDED;
  const now = services.now();
  const { db } = services;

  const session = await db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!session) throw SESSION_ENDED;
  const user = await actorQuery(db).where('users.id', '=', session.user_id).executeTakeFirstOrThrow();
  const actor: Actor = toActor(user);

  const newSecret = randomToken();
  const outcome = await inTransaction({ db, actor, requestId, now: () => now }, async ({ tx, audit }) => {
    const locked = await tx
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', sessionId)
      .forUpdate()
      .executeTakeFirst();
    if (!locked || locked.revoked_at !== null || locked.expires_at <= now || user.disabled_at !== null) {
      return 'ended' as const;
    }
    if (!constantTimeEqual(await sha256Hex(secret), locked.refresh_hash)) {
      await tx.updateTable('sessions').set({ revoked_at: now }).where('id', '=', sessionId).execute();
      await audit({
        wardId: actor.wardId,
        action: 'auth.refresh_reuse_revoked',
        subjectType: 'Session',
        subjectId: sessionId,
      });
      return 'reused' as const;
    }
    await tx
      .updateTable('sessions')
      .set({ refresh_hash: await sha256Hex(newSecret), refreshed_at: now })
      .where('id', '=', sessionId)
      .execute();
    await audit({
      wardId: actor.wardId,
      action: 'auth.refresh',
      subjectType: 'Session',
      subjectId: sessionId,
    });
    return 'rotated' as const;
  });
  if (outcome !== 'rotated') throw SESSION_ENDED;

  return {
    ...(await issueAccess(services, user.user_id, sessionId, now)),
    refreshToken: `${sessionId}.${newSecret}`,
    sessionExpiresAt: session.expires_at,
    csrfToken: session.csrf_token,
    actor,
  };
}
