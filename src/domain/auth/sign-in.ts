import { sql } from 'kysely';
import type { Actor } from '../../../policies/actor.js';
import { inTransaction } from '../shared/context.js';
import { TooManyRequestsError, UnauthenticatedError } from '../shared/errors.js';
import { sha256Hex } from '../shared/sha256.js';
import type { AuthServices } from './auth-services.js';
import { actorQuery, toActor } from './load-actor.js';
import { randomToken } from './random-token.js';

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
  await refuseIfThrottled(services, email, input.ip, now);

  const row = await actorQuery(db).where(sql`lower(users.email)`, '=', email).executeTakeFirst();
  // Hash even for an unknown address, so timing does not tell which addresses exist.
  dummyHash ??= passwords.hash('not a real password');
  const valid = await passwords.verify(input.password, row?.password_hash ?? (await dummyHash));
  if (!row || !valid || row.disabled_at !== null) {
    await db
      .insertInto('sign_in_attempts')
      .values({ email, ip: input.ip, succeeded: false, at: now })
      .execute();
    throw WRONG_CREDENTIALS;
  }

  const actor = toActor(row);
  const sessionId = crypto.randomUUID();
  const secret = randomToken();
  const csrfToken = randomToken();
  const sessionExpiresAt = new Date(now.getTime() + settings.sessionTtlSeconds * 1000);
  await inTransaction({ db, actor, requestId: input.requestId, now: () => now }, async ({ tx, audit }) => {
    await tx
      .insertInto('sign_in_attempts')
      .values({ email, ip: input.ip, succeeded: true, at: now })
      .execute();
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

async function refuseIfThrottled(services: AuthServices, email: string, ip: string | null, now: Date) {
  const { db, settings } = services;
  const since = new Date(now.getTime() - settings.throttleWindowSeconds * 1000);
  // Failures count from the window start or the last success, whichever is later.
  const byEmail = await sql<{ failures: string; oldest: Date | null }>`
    select count(*) as failures, min(at) as oldest from sign_in_attempts
    where email = ${email} and not succeeded and at > ${since}
      and id > coalesce((select max(id) from sign_in_attempts where email = ${email} and succeeded), 0)
  `.execute(db);
  const byIp = ip
    ? await sql<{ failures: string; oldest: Date | null }>`
        select count(*) as failures, min(at) as oldest from sign_in_attempts
        where ip = ${ip} and not succeeded and at > ${since}`.execute(db)
    : undefined;
  const email_ = byEmail.rows[0]!;
  const ip_ = byIp?.rows[0];
  const blocked =
    Number(email_.failures) >= settings.maxFailuresPerEmail
      ? email_
      : ip_ && Number(ip_.failures) >= settings.maxFailuresPerIp
        ? ip_
        : undefined;
  if (!blocked) return;
  const retryAfter = Math.max(
    1,
    Math.ceil(
      ((blocked.oldest?.getTime() ?? now.getTime()) + settings.throttleWindowSeconds * 1000 - now.getTime()) /
        1000,
    ),
  );
  throw new TooManyRequestsError(
    {
      en: `Too many failed sign-ins; try again in ${Math.ceil(retryAfter / 60)} minutes`,
      ja: `ログインの失敗が続いたため、一時的に受け付けを停止しています。約${Math.ceil(retryAfter / 60)}分後に再度お試しください`,
    },
    retryAfter,
  );
}
