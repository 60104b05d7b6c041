import { inTransaction } from '../../shared/context.js';
import { UnauthenticatedError } from '../../shared/errors.js';
import type { AuthServices } from '../auth-services.js';
import { actorQuery, toActor } from '../load-actor.js';
import { type IssuedSession, openSession } from '../open-session.js';
import { recordSignInSuccess, reserveSignInAttempt } from '../sign-in-throttle.js';
import { CHALLENGE_ENDED, closeChallenge, countWrongCode, openChallenge } from './challenges.js';
import { looksLikeRecoveryCode, replaceRecoveryCodes, spendRecoveryCode } from './recovery-codes.js';
import {
  confirmSecondFactor,
  findSecondFactor,
  pendingSecret,
  recordUsedStep,
} from './second-factor.repository.js';
import { acceptedStep, otpauthUri } from './totp.js';

export const WRONG_CODE = new UnauthenticatedError({
  en: 'The code is not correct',
  ja: '確認コードが正しくありません',
});

interface StepInput {
  challengeToken: string;
  code: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * The second step of a sign-in: a code from the authenticator (or, once, a recovery code) for a
 * challenge of the password step. For an enrolment challenge the code also confirms the new
 * factor, and the answer carries the recovery codes, shown this once. Each code is throttled like
 * a password (per address and client, audited), and a challenge takes at most five.
 */
export async function completeSignIn(
  services: AuthServices,
  input: StepInput,
): Promise<{ session: IssuedSession; recoveryCodes?: string[] }> {
  const { db } = services;
  const now = services.now();
  const challenge = await openChallenge(db, input.challengeToken, now);
  const attempt = await reserveSignInAttempt(services, {
    email: challenge.email,
    ip: input.ip,
    requestId: input.requestId,
  });
  const user = await actorQuery(db)
    .where('users.id', '=', challenge.userId)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) throw CHALLENGE_ENDED;
  const ctx = { db, actor: toActor(user), requestId: input.requestId, now: () => now };

  const outcome = await inTransaction(ctx, async (uow) => {
    const { tx, audit } = uow;
    const locked = await openChallenge(tx, input.challengeToken, now, true).catch(() => undefined);
    if (!locked) return { ended: true } as const;
    const factor = await findSecondFactor(tx, user.user_id, true);
    let recoveryCodes: string[] | undefined;
    let accepted = false;
    if (locked.purpose === 'enrol' && factor && !factor.confirmed) {
      const step = acceptedStep(factor.secret, input.code, now, null);
      if (step !== null) {
        await confirmSecondFactor(tx, user.user_id, step, now);
        recoveryCodes = await replaceRecoveryCodes(tx, user.user_id, now);
        await audit({
          wardId: ctx.actor.wardId,
          action: 'auth.second_factor_enrol',
          subjectType: 'User',
          subjectId: user.user_id,
          after: { atSignIn: true },
        });
        accepted = true;
      }
    } else if (locked.purpose === 'verify' && factor?.confirmed) {
      if (looksLikeRecoveryCode(input.code)) {
        accepted = await spendRecoveryCode(tx, user.user_id, input.code, now);
        if (accepted) {
          await audit({
            wardId: ctx.actor.wardId,
            action: 'auth.recovery_code_used',
            subjectType: 'User',
            subjectId: user.user_id,
          });
        }
      } else {
        const step = acceptedStep(factor.secret, input.code, now, factor.lastUsedStep);
        if (step !== null) await recordUsedStep(tx, user.user_id, step, now);
        accepted = step !== null;
      }
    }
    if (!accepted) {
      await countWrongCode(tx, locked, now);
      return { wrong: true } as const;
    }
    await closeChallenge(tx, locked, now);
    await recordSignInSuccess(tx, attempt);
    await recordSignInSuccess(tx, { attemptId: locked.attemptId });
    const issue = await openSession(services, uow, user, {
      ip: input.ip,
      userAgent: input.userAgent,
      secondFactor: true,
      now,
    });
    return { issue, recoveryCodes };
  });
  if ('ended' in outcome) throw CHALLENGE_ENDED;
  if ('wrong' in outcome) throw WRONG_CODE;
  return { session: await outcome.issue(), recoveryCodes: outcome.recoveryCodes };
}

/**
 * For an enrolment challenge (the ward requires a second factor, the user has none yet): the
 * secret to enrol and its otpauth:// URI for the QR code. Shown again, it is the same secret.
 */
export async function enrolmentForChallenge(
  services: Pick<AuthServices, 'db' | 'now'>,
  challengeToken: string,
): Promise<{ secret: string; otpauthUri: string; account: string }> {
  const now = services.now();
  const challenge = await openChallenge(services.db, challengeToken, now);
  if (challenge.purpose !== 'enrol') throw CHALLENGE_ENDED;
  const user = await actorQuery(services.db).where('users.id', '=', challenge.userId).executeTakeFirst();
  if (!user) throw CHALLENGE_ENDED;
  const secret = await services.db.transaction().execute((tx) => pendingSecret(tx, challenge.userId, now));
  if (!secret) throw CHALLENGE_ENDED;
  return { secret, otpauthUri: otpauthUri(secret, user.email), account: user.email };
}
