import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

/** Who may upload and download evidence files (filled in by the attachments feature). */
export function defineAttachmentRules(_builder: Builder, _actor: Actor): void {}
