import type { Actor } from '../../../policies/actor.js';
import type { AuthServices } from './auth-services.js';
import { actorQuery, toActor } from './load-actor.js';

export interface Authenticated {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
  user: { email: string; displayName: string; organisationName: string };
}

/**
 * Resolves an access token to the acting user. The session row is read on every request so that
 * sign-out and revocation take effect at once, not when the token expires.
 */
export async function authenticate(
  services: Pick<AuthServices, 'db' | 'tokens' | 'now'>,
  accessToken: string,
): Promise<Authenticated | null> {
  const now = services.now();
  const claims = await services.tokens.verifyAccessToken(accessToken, now);
  if (!claims) return null;
  const row = await actorQuery(services.db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .select(['sessions.id as session_id', 'sessions.csrf_token'])
    .where('sessions.id', '=', claims.sid)
    .where('users.id', '=', claims.sub)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    actor: toActor(row),
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    user: { email: row.email, displayName: row.display_name, organisationName: row.organisation_name },
  };
}
