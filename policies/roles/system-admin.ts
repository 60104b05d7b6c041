import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

/** システム管理者: sets up wards, companies and users; may do anything. */
export function defineSystemAdmin({ can }: Builder, _actor: Actor): void {
  can('manage', 'all');
}
