import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import type { Actor } from './actor.js';
import type { AppAbility } from './app-ability.js';

/** What a one-time link (回答用リンク) was made for, and the record it names. */
export interface LinkGrant {
  linkId: string;
  wardId: string;
  organisationId: string;
  purpose: 'compliance_report_answer' | 'handler_pledge_upload';
  targetId: string;
  contact: { name: string; email: string; organisation: string };
}

/**
 * The actor and ability of a company's contact answering through a link: no account, no roles; the
 * one record the link names, for the one purpose it was made for, and nothing else — not the
 * company's other reports, not its notifications.
 */
export function contactActorAndAbility(grant: LinkGrant): { actor: Actor; ability: AppAbility } {
  const actor: Actor = {
    userId: `contact:${grant.linkId}`,
    organisationId: grant.organisationId,
    organisationKind: 'company',
    wardId: null,
    roles: [],
    contact: { linkId: grant.linkId, ...grant.contact },
  };
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (grant.purpose === 'compliance_report_answer') {
    can(['read', 'update'], 'ComplianceReport', {
      id: grant.targetId,
      wardId: grant.wardId,
      organisationId: grant.organisationId,
    });
  }
  if (grant.purpose === 'handler_pledge_upload') {
    // the named handler's pledge, its copy kept as the company's evidence for this ward
    can(['read', 'update'], 'Handler', { id: grant.targetId, organisationId: grant.organisationId });
    can('create', 'Attachment', { organisationId: grant.organisationId, wardId: grant.wardId });
    can('read', 'Organisation', { id: grant.wardId });
  }
  return { actor, ability: build() };
}
