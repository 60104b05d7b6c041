import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

/** Filled in by its feature. */
export function defineReportRules(_builder: Builder, _actor: Actor): void {}
