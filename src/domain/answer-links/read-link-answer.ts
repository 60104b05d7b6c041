import type { UseCaseContext } from '../shared/context.js';
import { findUsedLinkFor } from './answer-link.repository.js';

export interface LinkAnswer {
  linkId: string;
  name: string;
  email: string;
  organisation: string;
  usedAt: Date;
}

/**
 * Who answered a record through a one-time link, and when: what the ward sees on the record
 * ("answered through a link by …"). For a record the viewer has already been allowed to read.
 */
export async function readLinkAnswer(
  ctx: Pick<UseCaseContext, 'db'>,
  record: { wardId: string; id: string },
): Promise<LinkAnswer | null> {
  const link = await findUsedLinkFor(ctx.db, record.wardId, record.id);
  if (!link?.usedAt) return null;
  return { linkId: link.id, ...link.contact, usedAt: link.usedAt };
}
