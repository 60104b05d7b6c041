// 決裁 (internal sign-off): the ward's chain of signers, in order — by default 担当者 → 係長 → 課長,
// configurable per ward. Every machine with a sign-off (approvals, inspections, compliance reports,
// incidents) keeps `chain` and `step` (the index of the awaited signature) in its context and
// uses these guards, so "whose turn is it" means the same everywhere. (Each machine declares its
// own two `assign` actions, nextStep and restartChain: xstate types them per machine.)

export type SignOffRole = 'ward_officer' | 'ward_chief' | 'ward_manager';

export const SIGN_OFF_ROLES: readonly SignOffRole[] = ['ward_officer', 'ward_chief', 'ward_manager'];

/** The seeds' stamp boxes: 担当者 → 係長 → 課長. */
export const DEFAULT_SIGN_OFF_CHAIN: readonly SignOffRole[] = SIGN_OFF_ROLES;

export interface SignOffContext {
  /** The sign-off chain in order, fixed when the record enters sign-off. */
  chain: SignOffRole[];
  /** Index of the step whose signature is awaited. */
  step: number;
}

type SignedEvent = { type: string; role?: SignOffRole };
type Args = { context: SignOffContext; event: SignedEvent };
const roleOf = (event: SignedEvent) => ('role' in event ? event.role : undefined);

/** Named guards for a machine whose context is a `SignOffContext` and whose events carry `role`. */
export const signOffGuards = {
  /** Only the holder of the awaited step may act on it. */
  isCurrentStep: ({ context, event }: Args) => roleOf(event) === context.chain[context.step],
  /** The awaited step is the last of the chain, and the event comes from its holder. */
  isLastStep: ({ context, event }: Args) =>
    roleOf(event) === context.chain[context.step] && context.step === context.chain.length - 1,
  /** The first of the chain (the officer in charge: 受付, 審査開始, 答申の記録). */
  isFirstStep: ({ context, event }: Args) => roleOf(event) === context.chain[0],
  /** The top of the chain (課長: revocation). */
  isTopOfChain: ({ context, event }: Args) => roleOf(event) === context.chain[context.chain.length - 1],
  /** Any signer of the ward's chain. */
  isWardSigner: ({ context, event }: Args) => context.chain.includes(roleOf(event) as SignOffRole),
};
