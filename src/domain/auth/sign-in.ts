import { sql } from 'kysely';
import { inTransaction } from '../shared/context.js';
import { ConflictError, UnauthenticatedError } from '../shared/errors.js';
import type { AuthServices } from './auth-services.js';
import { actorQuery, toActor } from './load-actor.js';
import { type IssuedSession, openSession } from './open-session.js';
import { createChallenge } from './second-factor/challenges.js';
import { findSecondFactor, secondFactorRequired } from './second-factor/second-factor.repository.js';
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

/**
 * What the password step ends in: a session, or — when the account has a second factor, or its
 * ward requires one — a challenge to complete with a code (or to enrol one first).
 */
export type SignInOutcome =
  | { kind: 'signed-in'; session: IssuedSession }
  | { kind: 'second-factor'; enrol: boolean; challengeToken: string; expiresAt: Date };

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
export async function signIn(services: AuthServices, input: SignInInput): Promise<SignInOutcome> {
  const { db, passwords } = services;
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
  const factor = await findSecondFactor(db, row.user_id);
  const secondFactor = factor?.confirmed || (await secondFactorRequired(db, row));
  const ctx = { db, actor, requestId: input.requestId, now: () => now };
  if (secondFactor) {
    // The attempt stays a failure until the second factor is given: a password alone is not a
    // successful sign-in, and codes guessed after it count against the same limits.
    const challenge = await inTransaction(ctx, ({ tx }) =>
      createChallenge(tx, {
        userId: row.user_id,
        purpose: factor?.confirmed ? 'verify' : 'enrol',
        email,
        attemptId: attempt.attemptId,
        ip: input.ip,
        userAgent: input.userAgent,
        now,
      }),
    );
    return {
      kind: 'second-factor',
      enrol: !factor?.confirmed,
      challengeToken: challenge.token,
      expiresAt: challenge.expiresAt,
    };
  }
  const issue = await inTransaction(ctx, async (uow) => {
    await recordSignInSuccess(uow.tx, attempt);
    return openSession(services, uow, row, {
      ip: input.ip,
      userAgent: input.userAgent,
      secondFactor: false,
      now,
    });
  });
  return { kind: 'signed-in', session: await issue() };
}
