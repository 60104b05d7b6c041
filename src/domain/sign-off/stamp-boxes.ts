import type { SignOffRole } from '../../../workflows/shared/sign-off.js';
import { SIGN_OFF_ROLE_NAMES } from './role-names.js';

// 決裁欄: the stamp boxes of the seed forms, one per role of the chain. A box is stamped when its
// role signed in the current round — after the step that (re)started the chain — so a record sent
// back and signed again shows only the signatures that count.

export interface StampBox {
  role: SignOffRole;
  /** The signature of this round, if any. */
  signed: { at: Date; userName: string | null } | null;
  /** The signature the record waits for now. */
  awaiting: boolean;
}

export interface StampRound {
  /** Decisions that start a round of signatures (受付, 審査開始, 対応報告, 提出). */
  startedBy: readonly string[];
  /** The decision that stamps a box (approve, sign). */
  signedBy: string;
  /** The index in the chain awaited now, or null when no signature is awaited. */
  awaitedIndex: number | null;
}

interface StepLike {
  seq: number;
  role: string;
  decision: string;
  at: Date;
  userName?: string | null;
}

export function stampBoxes(
  chain: readonly SignOffRole[],
  steps: readonly StepLike[],
  round: StampRound,
): StampBox[] {
  const start = Math.max(0, ...steps.filter((s) => round.startedBy.includes(s.decision)).map((s) => s.seq));
  return chain.map((role, index) => {
    const signed = steps.find((s) => s.seq > start && s.role === role && s.decision === round.signedBy);
    return {
      role,
      signed: signed ? { at: signed.at, userName: signed.userName ?? null } : null,
      awaiting: !signed && round.awaitedIndex === index,
    };
  });
}

/** One box of a seed form's 決裁欄, as printed: its label, the signer's name and the date. */
export interface FormStamp {
  label: string;
  name: string;
  on: Date | null;
}

/**
 * The boxes a seed form prints, in the form's order and words (課長・係長・担当者, and boxes of its
 * own such as 監督員 or 受付日): a sign-off role's box from the current round's signature, any other
 * from `others`.
 */
export function formStamps(
  labels: readonly string[],
  boxes: readonly StampBox[],
  others: Record<string, { name: string; on: Date | null }> = {},
): FormStamp[] {
  return labels.map((label) => {
    const box = boxes.find((b) => SIGN_OFF_ROLE_NAMES[b.role].ja === label);
    if (box) return { label, name: box.signed?.userName ?? '', on: box.signed?.at ?? null };
    return { label, name: others[label]?.name ?? '', on: others[label]?.on ?? null };
  });
}
