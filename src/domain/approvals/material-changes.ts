import { itemIdentity, mediumIdentity } from '../registers/register-document.js';
import type { DelegationApplication } from './application.js';

/**
 * What makes a change material (重要な変更): new data items, new media, a longer period. Removing
 * items or shortening the period needs no new approval. Pure.
 */
export function materialChanges(approved: DelegationApplication, now: DelegationApplication): string[] {
  const changes: string[] = [];
  const items = new Set(
    approved.register.subjectGroups.flatMap((g) => g.items.map((i) => itemIdentity(g.name, i))),
  );
  for (const group of now.register.subjectGroups) {
    for (const item of group.items) {
      if (!items.has(itemIdentity(group.name, item)))
        changes.push(`情報項目の追加: ${group.name}の${item.name}`);
    }
  }
  const media = new Set(approved.register.media.map(mediumIdentity));
  for (const medium of now.register.media) {
    if (!media.has(mediumIdentity(medium))) changes.push(`記録媒体の追加: ${medium.name}`);
  }
  if (now.periodTo > approved.periodTo || now.periodFrom < approved.periodFrom) {
    changes.push(
      `期間の延長: ${approved.periodFrom}〜${approved.periodTo} → ${now.periodFrom}〜${now.periodTo}`,
    );
  }
  return changes;
}
