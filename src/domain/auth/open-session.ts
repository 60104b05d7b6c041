import type { Actor } from '../../../policies/actor.js';
import type { UnitOfWork } from '../shared/context.js';
import { sha256Hex } from '../shared/sha256.js';
import type { AuthServices } from './auth-services.js';
import { toActor } from './load-actor.js';
import { randomToken } from './random-token.js';

export interface IssuedSession {
  accessToken: string;
  accessExpiresAt: Date;
  /** `<session id>.<secret>`: the secret is stored only as its hash. */
  refreshToken: string;
  sessionExpiresAt: Date;
  csrfToken: string;
  actor: Actor;
  user: { id: string; email: string; displayName: string; organisationName: string };
}

/** The signed-in user as the actor query reads it. */
export interface SignedInUser {
  user_id: string;
  organisation_id: string;
  ward_id: string | null;
  roles: string[];
  organisation_kind: 'ward' | 'company' | 'operator';
  organisation_name: string;
  email: string;
  display_name: string;
}

/**
 * Opens a session for a user whose sign-in is complete, inside the caller's transaction, with its
 * audit entry; returns what to hand out once the transaction has committed.
 */
export async function openSession(
  services: AuthServices,
  { tx, audit }: Pick<UnitOfWork, 'tx' | 'audit'>,
  user: SignedInUser,
  input: { ip: string | null; userAgent: string | null; secondFactor: boolean; now: Date },
): Promise<() => Promise<IssuedSession>> {
  const { now } = input;
  const actor = toActor(user);
  const sessionId = crypto.randomUUID();
  const secret = randomToken();
  const csrfToken = randomToken();
  const sessionExpiresAt = new Date(now.getTime() + services.settings.sessionTtlSeconds * 1000);
  await tx
    .insertInto('sessions')
    .values({
      id: sessionId,
      user_id: user.user_id,
      refresh_hash: await sha256Hex(secret),
      csrf_token: csrfToken,
      created_at: now,
      refreshed_at: now,
      expires_at: sessionExpiresAt,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
      ip: input.ip,
      second_factor: input.secondFactor,
    })
    .execute();
  await audit({
    wardId: actor.wardId,
    action: 'auth.sign_in',
    subjectType: 'Session',
    subjectId: sessionId,
    after: { userId: user.user_id, ip: input.ip, secondFactor: input.secondFactor },
  });
  return async () => ({
    ...(await issueAccess(services, user.user_id, sessionId, now)),
    refreshToken: `${sessionId}.${secret}`,
    sessionExpiresAt,
    csrfToken,
    actor,
    user: {
      id: user.user_id,
      email: user.email,
      displayName: user.display_name,
      organisationName: user.organisation_name,
    },
  });
}

export async function issueAccess(services: AuthServices, userId: string, sessionId: string, now: Date) {
  const ttl = services.settings.accessTtlSeconds;
  return {
    accessToken: await services.tokens.signAccessToken({ sub: userId, sid: sessionId }, now, ttl),
    accessExpiresAt: new Date(now.getTime() + ttl * 1000),
  };
}
