import type { Actor } from '../../../policies/actor.js';
import type { SignOffRole } from '../../../workflows/shared/sign-off.js';

/** Where a record stands in its sign-off: its chain and the index of the awaited signature. */
export interface SignOffPosition {
  chain: readonly SignOffRole[];
  step: number;
}

/** Which signature a command awaits: the current step, the top of the chain (取消し) or the first
 * (受付, 審査開始, 答申の記録). */
export type AwaitedStep = 'current' | 'top' | 'first';

/** The role whose signature `which` awaits on the record, if the chain has one there. */
export function awaitedRole(
  position: SignOffPosition,
  which: AwaitedStep = 'current',
): SignOffRole | undefined {
  const { chain, step } = position;
  if (which === 'top') return chain[chain.length - 1];
  if (which === 'first') return chain[0];
  return chain[step];
}

/**
 * The sign-off role the actor acts in: the awaited one if the actor holds it, else any signer role
 * of the chain it holds (the machine then refuses the step as not theirs), else none.
 */
export function signerRole(
  actor: Pick<Actor, 'roles'>,
  chain: readonly SignOffRole[],
  awaited: SignOffRole | undefined,
): SignOffRole | undefined {
  const held = chain.filter((r) => actor.roles.includes(r));
  return held.find((r) => r === awaited) ?? held[0];
}
