import { inTransaction, type UseCaseContext } from '../../shared/context.js';
import { ConflictError, ValidationError } from '../../shared/errors.js';
import type { AuthServices } from '../auth-services.js';
import { actorQuery } from '../load-actor.js';
import { recordSignInSuccess, reserveSignInAttempt } from '../sign-in-throttle.js';
import {
  looksLikeRecoveryCode,
  recoveryCodesLeft,
  replaceRecoveryCodes,
  spendRecoveryCode,
} from './recovery-codes.js';
import {
  confirmSecondFactor,
  findSecondFactor,
  pendingSecret,
  recordUsedStep,
  removeSecondFactor,
  secondFactorRequired,
} from './second-factor.repository.js';
import { acceptedStep, otpauthUri } from './totp.js';

// The signed-in user's own second factor: its state, enrolling one, new recovery codes, turning
// it off. Every change needs a current code, and wrong codes are throttled like sign-ins, so a
// stolen session cannot quietly take the factor over.

type Ctx = Omit<UseCaseContext, 'ability'> & {
  services: Pick<AuthServices, 'db' | 'settings' | 'now'>;
  ip: string | null;
};

async function me(ctx: Ctx) {
  return actorQuery(ctx.db).where('users.id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
}

export interface SecondFactorState {
  enabled: boolean;
  /** The ward requires it of its staff: it cannot be turned off. */
  required: boolean;
  recoveryCodesLeft: number;
}

export async function readSecondFactor(ctx: Omit<UseCaseContext, 'ability'>): Promise<SecondFactorState> {
  const user = await actorQuery(ctx.db).where('users.id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  const factor = await findSecondFactor(ctx.db, user.user_id);
  return {
    enabled: factor?.confirmed === true,
    required: await secondFactorRequired(ctx.db, user),
    recoveryCodesLeft: factor?.confirmed ? await recoveryCodesLeft(ctx.db, user.user_id) : 0,
  };
}

/** A wrong code from a signed-in user: their input is wrong, their session is fine (422, not 401). */
const WRONG_CODE = new ValidationError(
  { en: 'The code is not correct', ja: '確認コードが正しくありません' },
  [
    {
      path: 'code',
      message: 'not the current code of your authenticator',
      message_ja: '確認コードが正しくありません',
    },
  ],
);

const ALREADY = new ConflictError({
  en: 'A second factor is set up already; turn it off first to set up another',
  ja: '二要素認証は設定済みです。別の認証アプリに切り替えるには、いったん無効にしてください',
});

/** Starts (or shows again) an enrolment: the secret and its otpauth:// URI for the QR code. */
export async function startEnrolment(ctx: Omit<UseCaseContext, 'ability'>) {
  const user = await actorQuery(ctx.db).where('users.id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  const secret = await ctx.db.transaction().execute((tx) => pendingSecret(tx, user.user_id, ctx.now()));
  if (!secret) throw ALREADY;
  return { secret, otpauthUri: otpauthUri(secret, user.email), account: user.email };
}

/**
 * Checks a code of the user's factor (a recovery code too, where `recovery`), throttled per
 * address and client; throws WRONG_CODE.
 */
async function checked<T>(
  ctx: Ctx,
  code: string,
  options: { pending?: boolean; recovery?: boolean },
  then: (uow: Parameters<Parameters<typeof inTransaction>[1]>[0], step: number | null) => Promise<T>,
): Promise<T> {
  const user = await me(ctx);
  const now = ctx.now();
  const attempt = await reserveSignInAttempt(ctx.services, {
    email: user.email.toLowerCase(),
    ip: ctx.ip,
    requestId: ctx.requestId,
  });
  const outcome = await inTransaction(ctx, async (uow) => {
    const factor = await findSecondFactor(uow.tx, user.user_id, true);
    // confirming needs an enrolment under way; the rest need a confirmed factor
    if (options.pending && factor?.confirmed) return { conflict: true } as const;
    if (!factor || factor.confirmed === Boolean(options.pending)) return { wrong: true } as const;
    let step: number | null = null;
    if (options.recovery && looksLikeRecoveryCode(code)) {
      if (!(await spendRecoveryCode(uow.tx, user.user_id, code, now))) return { wrong: true } as const;
    } else {
      step = acceptedStep(factor.secret, code, now, factor.lastUsedStep);
      if (step === null) return { wrong: true } as const;
      if (!options.pending) await recordUsedStep(uow.tx, user.user_id, step, now);
    }
    await recordSignInSuccess(uow.tx, attempt);
    return { value: await then(uow, step) };
  });
  if ('conflict' in outcome) throw ALREADY;
  if ('wrong' in outcome) throw WRONG_CODE;
  return outcome.value;
}

/** Confirms the enrolment with a code from the authenticator; returns the recovery codes (once). */
export function confirmEnrolment(ctx: Ctx, code: string): Promise<string[]> {
  return checked(ctx, code, { pending: true }, async ({ tx, audit }, step) => {
    await confirmSecondFactor(tx, ctx.actor.userId, step!, ctx.now());
    const codes = await replaceRecoveryCodes(tx, ctx.actor.userId, ctx.now());
    await audit({
      wardId: ctx.actor.wardId,
      action: 'auth.second_factor_enrol',
      subjectType: 'User',
      subjectId: ctx.actor.userId,
    });
    return codes;
  });
}

/** New recovery codes (the old ones stop working), given a current code. */
export function regenerateRecoveryCodes(ctx: Ctx, code: string): Promise<string[]> {
  return checked(ctx, code, {}, async ({ tx, audit }) => {
    const codes = await replaceRecoveryCodes(tx, ctx.actor.userId, ctx.now());
    await audit({
      wardId: ctx.actor.wardId,
      action: 'auth.recovery_codes_replace',
      subjectType: 'User',
      subjectId: ctx.actor.userId,
    });
    return codes;
  });
}

/** Turns the second factor off, given a current code or a recovery code; not where it is required. */
export async function disableSecondFactor(ctx: Ctx, code: string): Promise<void> {
  if (await secondFactorRequired(ctx.db, await me(ctx))) {
    throw new ConflictError({
      en: 'Your {self} requires a second factor of its staff; it cannot be turned off',
      ja: '所属する{self}の設定により、二要素認証を無効にすることはできません',
    });
  }
  await checked(ctx, code, { recovery: true }, async ({ tx, audit }) => {
    await removeSecondFactor(tx, ctx.actor.userId);
    await audit({
      wardId: ctx.actor.wardId,
      action: 'auth.second_factor_disable',
      subjectType: 'User',
      subjectId: ctx.actor.userId,
    });
  });
}
