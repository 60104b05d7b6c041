import { contactActorAndAbility } from '../../../policies/contact-ability.js';
import type { AuthServices } from '../auth/auth-services.js';
import { recordSignInSuccess, reserveSignInAttempt } from '../auth/sign-in-throttle.js';
import type { UseCaseContext } from '../shared/context.js';
import {
  type AnswerLink,
  type AnswerLinkPurpose,
  findLinkByTokenHash,
  isLive,
} from './answer-link.repository.js';
import { hashLinkToken, LINK_TOKEN_SHAPE } from './answer-link-token.js';

/**
 * The key links are throttled under in the sign-in throttle's table: guessing tokens is throttled
 * per client exactly like guessing passwords (a few failures free, then doubling waits; 429).
 */
const THROTTLE_KEY = 'answer-link';

export interface OpenedLink {
  link: AnswerLink;
  tokenHash: string;
}

/**
 * The live link a token opens, or null — for a malformed, forged, expired, revoked or used token,
 * or one made for another purpose alike, so that the answer tells a guesser nothing. Each try is
 * counted like a sign-in attempt, a failure until the link opens; a client past the limit gets
 * TooManyRequestsError (429) before the token is even looked at.
 */
export async function openAnswerLink(
  services: Pick<AuthServices, 'db' | 'settings' | 'now'>,
  input: { token: string; purpose?: AnswerLinkPurpose; ip: string | null; requestId: string | null },
): Promise<OpenedLink | null> {
  const reservation = await reserveSignInAttempt(services, {
    email: THROTTLE_KEY,
    ip: input.ip,
    requestId: input.requestId,
  });
  if (!LINK_TOKEN_SHAPE.test(input.token)) return null;
  const tokenHash = await hashLinkToken(input.token);
  const link = await findLinkByTokenHash(services.db, tokenHash);
  if (!link || !isLive(link, services.now())) return null;
  if (input.purpose && link.purpose !== input.purpose) return null;
  await services.db.transaction().execute((tx) => recordSignInSuccess(tx, reservation));
  return { link, tokenHash };
}

/** The use-case context of the link's contact: acting for its company on the one record only. */
export function contactContext(
  deps: Pick<UseCaseContext, 'db' | 'now' | 'requestId'>,
  link: AnswerLink,
): UseCaseContext {
  const { actor, ability } = contactActorAndAbility({
    linkId: link.id,
    wardId: link.wardId,
    organisationId: link.organisationId,
    purpose: link.purpose,
    targetId: link.targetId,
    contact: link.contact,
  });
  return { db: deps.db, now: deps.now, requestId: deps.requestId, actor, ability };
}
