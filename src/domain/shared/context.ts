import type { Kysely, Transaction } from 'kysely';
import { type Actor, storedUserId } from '../../../policies/actor.js';
import type { AppAbility } from '../../../policies/app-ability.js';
import type { Database } from '../../db/database.js';
import { type AuditInput, appendAuditEntry } from '../audit/append-audit-entry.js';
import { recordWebhookEventOfAudit } from '../webhooks/record-webhook-event.js';

/** Everything a use case needs to act for someone: passed in, never imported as a singleton. */
export interface UseCaseContext {
  db: Kysely<Database>;
  actor: Actor;
  ability: AppAbility;
  requestId: string | null;
  now: () => Date;
  /** Delivers queued webhooks soon after a commit (Node); absent, the scheduler's tick does. */
  deliverWebhooksSoon?: () => void;
}

export type Tx = Transaction<Database>;

export type AuditRecord = Pick<
  AuditInput,
  'wardId' | 'action' | 'subjectType' | 'subjectId' | 'before' | 'after'
>;

export interface UnitOfWork {
  tx: Tx;
  /** Appends the audit entry of this change, in this transaction. */
  audit(record: AuditRecord): Promise<void>;
  /** Runs after a successful commit (mail, PDF rendering); never when the transaction fails. */
  afterCommit(effect: () => Promise<void> | void): void;
}

/**
 * The one path for a state change: one transaction holding the change, its audit entry and the
 * webhook event the entry stands for (the outbox, src/domain/webhooks); effects run only once it
 * has committed.
 */
export async function inTransaction<T>(
  ctx: Pick<UseCaseContext, 'db' | 'actor' | 'requestId' | 'now' | 'deliverWebhooksSoon'>,
  work: (uow: UnitOfWork) => Promise<T>,
): Promise<T> {
  const effects: Array<() => Promise<void> | void> = [];
  let webhooksQueued = 0;
  const result = await ctx.db.transaction().execute(async (tx) => {
    const at = ctx.now();
    return work({
      tx,
      audit: async (record) => {
        await appendAuditEntry(tx, {
          ...record,
          // a contact answering through a link has no account: the entry names them instead
          ...(ctx.actor.contact && { after: { ...asObject(record.after), actor: contactActor(ctx.actor) } }),
          actorUserId: storedUserId(ctx.actor),
          actorOrgId: ctx.actor.organisationId,
          requestId: ctx.requestId,
          at,
        });
        webhooksQueued += await recordWebhookEventOfAudit(tx, record, at);
      },
      afterCommit: (effect) => effects.push(effect),
    });
  });
  for (const effect of effects) await effect();
  if (webhooksQueued > 0) ctx.deliverWebhooksSoon?.();
  return result;
}

const asObject = (value: unknown) =>
  value === undefined || value === null
    ? {}
    : typeof value === 'object' && !Array.isArray(value)
      ? value
      : { value };

/** How the audit trail names a contact who acted through a one-time link. */
export function contactActor(actor: Actor) {
  const contact = actor.contact!;
  return {
    ref: actor.userId,
    linkId: contact.linkId,
    name: contact.name,
    email: contact.email,
    organisation: contact.organisation,
  };
}
