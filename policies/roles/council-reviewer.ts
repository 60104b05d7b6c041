import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

/** 審議会委員: reads what is reported to the council and summaries of its own ward; never writes. */
export function defineCouncilReviewer({ can }: Builder, actor: Actor): void {
  if (!actor.wardId) return;
  can('read', 'Organisation', { id: actor.wardId });
  can('read', 'Organisation', { kind: 'company', linkedOrgIds: actor.wardId });
  can('read', 'Department', { wardId: actor.wardId });
}
