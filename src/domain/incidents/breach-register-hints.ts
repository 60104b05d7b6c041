import { findRegisterRevision } from '../registers/register.repository.js';
import type { UseCaseContext } from '../shared/context.js';
import type { Incident } from './incident.repository.js';

// What the contract's data-item register (情報項目) says about the answers of a breach report: whether
// it holds 特定個人情報 (個人番号) or special categories (思想・信条, 社会的差別の原因となる事実, 犯罪 — all
// 要配慮個人情報). A hint beside the questions, not an answer: the leak may concern only some items.

export interface BreachRegisterHints {
  myNumberItems: string[];
  specialItems: string[];
}

/** Read after the incident itself (its ability check): the register of the incident's contract. */
export async function breachRegisterHints(
  ctx: UseCaseContext,
  incident: Incident,
): Promise<BreachRegisterHints> {
  const register = await findRegisterRevision(ctx.db, incident.wardId, incident.contractId);
  const items = register.document.subjectGroups.flatMap((g) => g.items);
  return {
    myNumberItems: [...new Set(items.filter((i) => i.myNumber).map((i) => i.name))],
    specialItems: [...new Set(items.filter((i) => i.specialCategory).map((i) => i.name))],
  };
}
