import { sql } from 'kysely';
import type { Actor } from '../../../policies/actor.js';
import { inTransaction } from '../shared/context.js';
import { UnauthenticatedError } from '../shared/errors.js';
import { sha256Hex } from '../shared/sha256.js';
import type { AuthServices } from './auth-services.js';
import { actorQuery, toActor } from './load-actor.js';
import { randomToken } from './random-token.js';
import { recordSignInSuccess, reserveSignInAttempt } from './sign-in-throttle.js';

export interface SignInInput {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

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

const WRONG_CREDENTIALS = new UnauthenticatedError({
  en: 'The e-mail address or password is incorrect',
  ja: 'メールアドレスまたはパスワードが正しくありません',
});

let dummyHash: Promise<string> | undefined;

/** Signs in with e-mail and password; throttled per address and per client after repeated failures. */
export async function signIn(services: AuthServices, input: SignInInput): Promise<IssuedSession> {
  const { db, passwords, settings } = services;
  const now = services.now();
  const email = input.email.trim().toLowerCase();
  const attempt = await reserveSignInAttempt(services, { email, ip: input.ip, requestId: input.requestId });

  const row = await actorQuery(db).where(sql`lower(users.email)`, '=', email).executeTakeFirst();
  // Hash even for an unknown address, so timing does not tell which addresses exist.
  dummyHash ??= passwords.hash('not a real password');
  const valid = await passwords.verify(input.password, row?.password_hash ?? (await dummyHash));
  // The attempt stays recorded as a failure.
  if (!row || !valid || row.disabled_at !== null) throw WRONG_CREDENTIALS;

  const actor = toActor(row);
  const sessionId = crypto.randomUUID();
  const secret = randomToken();
  const csrfToken = randomToken();
  const sessionExpiresAt = new Date(now.getTime() + settings.sessionTtlSeconds * 1000);
  await inTransaction({ db, actor, requestId: input.requestId, now: () => now }, async ({ tx, audit }) => {
    await recordSignInSuccess(tx, attempt);
    await tx
      .insertInto('sessions')
      .values({
        id: sessionId,
        user_id: row.user_id,
        refresh_hash: await sha256Hex(secret),
        csrf_token: csrfToken,
        created_at: now,
        refreshed_at: now,
        expires_at: sessionExpiresAt,
        user_agent: input.userAgent?.slice(0, 500) ?? null,
        ip: input.ip,
      })
      .execute();
    await audit({
      wardId: actor.wardId,
      action: 'auth.sign_in',
      subjectType: 'Session',
      subjectId: sessionId,
      after: { userId: row.user_id, ip: input.ip },
    });
  });

  return {
    ...(await issueAccess(services, row.user_id, sessionId, now)),
    refreshToken: `${sessionId}.${secret}`,
    sessionExpiresAt,
    csrfToken,
    actor,
    user: {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      organisationName: row.organisation_name,
    },
  };
}

export async function issueAccess(services: AuthServices, userId: string, sessionId: string, now: Date) {
  const ttl = services.settings.accessTtlSeconds;
  return {
    accessToken: await services.tokens.signAccessToken({ sub: userId, sid: sessionId }, now, ttl),
    accessExpiresAt: new Date(now.getTime() + ttl * 1000),
  };
}
