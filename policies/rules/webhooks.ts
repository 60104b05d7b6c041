import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

/**
 * Webhook endpoints (WebhookEndpoint): a ward's are kept by its 係長 and 課長 (ward_chief,
 * ward_manager), who decide where the ward's events go; a company's by its managers
 * (contractor_manager, 統括責任者), in each ward it works for. Nobody sees another organisation's
 * endpoints, not even of the same ward: a company's endpoint names a system of that company.
 */
export function defineWebhookRules({ can }: Builder, actor: Actor): void {
  const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));
  if (actor.organisationKind === 'ward' && actor.wardId && has('ward_chief', 'ward_manager')) {
    can(['read', 'create', 'update'], 'WebhookEndpoint', {
      wardId: actor.wardId,
      organisationId: actor.wardId,
    });
  }
  if (actor.organisationKind === 'company' && has('contractor_manager')) {
    can(['read', 'create', 'update'], 'WebhookEndpoint', { organisationId: actor.organisationId });
  }
}
