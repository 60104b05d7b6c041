import type { Mailer } from '../notifications/mailer.js';
import { authorize, authorizeType } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ValidationError } from '../shared/errors.js';
import { toJapanTimeText } from '../shared/japan-date.js';
import { type AnswerLink, type AnswerLinkPurpose, toAnswerLink } from './answer-link.repository.js';
import { hashLinkToken, newLinkToken } from './answer-link-token.js';
import { type LinkTarget, linkTarget } from './link-target.js';

export const DEFAULT_LINK_DAYS = 7;
export const MAX_LINK_DAYS = 30;
const DAY = 24 * 3600 * 1000;

export interface CreateAnswerLinkInput {
  purpose: AnswerLinkPurpose;
  targetId: string;
  contact: { name: string; email: string; organisation: string };
  expiresInDays?: number;
}

export interface CreatedAnswerLink {
  link: AnswerLink;
  /** The token, shown once: only its hash is kept. */
  token: string;
  /** Whether the link went to the contact by mail (a mailer is set and the mail was accepted). */
  mailed: boolean;
}

/**
 * A ward's signer makes a one-time link (回答用リンク) for a company's contact without an account:
 * only for a record that awaits the company (see linkTarget). The record is read like any read (404
 * for one the officer may not see); the link and its audit entry are one transaction; the mail
 * (when a mailer is set) goes after the commit.
 */
export async function createAnswerLink(
  ctx: UseCaseContext,
  input: CreateAnswerLinkInput,
  options: { mailer?: Mailer; urlOf: (token: string) => string },
): Promise<CreatedAnswerLink> {
  const days = input.expiresInDays ?? DEFAULT_LINK_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_LINK_DAYS) {
    throw new ValidationError({ en: 'The link cannot last that long', ja: 'リンクの有効期間が不正です' }, [
      {
        path: 'expiresInDays',
        message: `from 1 to ${MAX_LINK_DAYS} days`,
        message_ja: `1日から${MAX_LINK_DAYS}日までで指定してください`,
      },
    ]);
  }
  // a company's staff make no links (403) before any record is looked at
  authorizeType(ctx.ability, 'create', 'AnswerLink');
  const target = await linkTarget(ctx, input.purpose, input.targetId);
  authorize(ctx.ability, 'create', 'AnswerLink', { wardId: target.wardId });

  const token = newLinkToken();
  const now = ctx.now();
  const contact = {
    name: input.contact.name.trim(),
    email: input.contact.email.trim(),
    organisation: input.contact.organisation.trim(),
  };
  let mailed = false;
  const link = await inTransaction(ctx, async (uow) => {
    const row = await uow.tx
      .insertInto('answer_links')
      .values({
        ward_id: target.wardId,
        token_hash: await hashLinkToken(token),
        purpose: input.purpose,
        target_id: target.id,
        organisation_id: target.organisationId,
        contact_name: contact.name,
        contact_email: contact.email,
        contact_organisation: contact.organisation,
        created_by: ctx.actor.userId,
        created_at: now,
        expires_at: new Date(now.getTime() + days * DAY),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const created = toAnswerLink(row);
    await uow.audit({
      wardId: created.wardId,
      action: 'answer_link.create',
      subjectType: 'AnswerLink',
      subjectId: created.id,
      after: {
        purpose: created.purpose,
        targetId: created.targetId,
        contact,
        expiresAt: created.expiresAt.toISOString(),
      },
    });
    const { mailer } = options;
    // a mail that fails does not undo the link: the officer is shown it and told it was not mailed
    if (mailer)
      uow.afterCommit(() =>
        mailer.send(linkMail(created, options.urlOf(token), target.asked)).then(
          () => {
            mailed = true;
          },
          () => undefined,
        ),
      );
    return created;
  });
  return { link, token, mailed };
}

/** The mail to the contact: what is asked, until when, and that the link works once. */
function linkMail(link: AnswerLink, url: string, asked: LinkTarget['asked']) {
  const until = toJapanTimeText(link.expiresAt);
  return {
    to: link.contact.email,
    subject: `${asked.ja}のお願い / A one-time link for ${asked.en}`,
    text: [
      `${link.contact.organisation} ${link.contact.name} 様`,
      '',
      `${asked.ja}をお願いします。`,
      '次のリンクから一度だけ回答できます（アカウントは不要です）。',
      url,
      `有効期限: ${until}`,
      '',
      `We ask you for ${asked.en}, through this one-time link (no account needed):`,
      url,
      `It expires at ${until}.`,
    ].join('\n'),
  };
}
