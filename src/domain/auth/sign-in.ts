import { sql } from 'kysely';
import type { Actor } from '../../../policies/actor.js';
import { inTransaction } from '../shared/context.js';
import { ConflictError, UnauthenticatedError } from '../shared/errors.js';
import { sha256Hex } from '../shared/sha256.js';
import type { AuthServices } from './auth-services.js';
import { actorQuery, toActor } from './load-actor.js';
import { randomToken } from './random-token.js';
import { recordSignInSuccess, reserveSignInAttempt } from './sign-in-throttle.js';

export interface SignInInput {
  email: string;
  password: string;
  /** Which account, when one address and password open accounts in several organisations. */
  organisationId?: string;
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

/**
 * How many accounts of one address a sign-in checks the password of, oldest first (each check
 * costs a hash). Each organisation holds an address once, and only an organisation's own managers
 * create its accounts, so crowding out someone's account would take ten colluding organisations.
 */
const MAX_ACCOUNTS_PER_ADDRESS = 10;

/** Signs in with e-mail and password; throttled per address and per client after repeated failures. */
export async function signIn(services: AuthServices, input: SignInInput): Promise<IssuedSession> {
  const { db, passwords, settings } = services;
  const now = services.now();
  const email = input.email.trim().toLowerCase();
  const attempt = await reserveSignInAttempt(services, { email, ip: input.ip, requestId: input.requestId });

  // An address is unique within an organisation only, so it may open accounts in several: the
  // one whose password matches is the one meant.
  const candidates = await actorQuery(db)
    .where(sql`lower(users.email)`, '=', email)
    .where('users.disabled_at', 'is', null)
    .orderBy('users.created_at')
    .limit(MAX_ACCOUNTS_PER_ADDRESS)
    .execute();
  // Hash even for an unknown address, so timing does not tell which addresses exist.
  dummyHash ??= passwords.hash('not a real password');
  if (!candidates.length) await passwords.verify(input.password, await dummyHash);
  const matches: typeof candidates = [];
  for (const candidate of candidates) {
    if (await passwords.verify(input.password, candidate.password_hash)) matches.push(candidate);
  }
  // The attempt stays recorded as a failure.
  if (!matches.length) throw WRONG_CREDENTIALS;
  const row =
    matches.length === 1 && !input.organisationId
      ? matches[0]!
      : matches.find((m) => m.organisation_id === input.organisationId);
  if (!row) {
    if (input.organisationId) throw WRONG_CREDENTIALS;
    // The caller has proved the password of each of these accounts, so may see where they are.
    throw new ConflictError(
      {
        en: 'This address and password open accounts in several organisations; choose one',
        ja: 'このメールアドレスとパスワードで複数の組織のアカウントにログインできます。組織を選んでください',
      },
      {
        accounts: matches.map((m) => ({
          organisationId: m.organisation_id,
          organisationName: m.organisation_name,
        })),
      },
    );
  }

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
