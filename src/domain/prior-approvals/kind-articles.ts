import type { PriorApprovalKind } from '../../db/tables/prior-approvals.js';
import { citationFor } from '../provisions/cite-provision.js';
import type { ContractProvisions } from '../provisions/provisions.repository.js';
import type { Message } from '../shared/errors.js';
import { KIND_DUTIES, PRIOR_APPROVAL_KINDS } from './prior-approval-terms.js';

/**
 * The article of THE CONTRACT'S OWN 特記事項 behind each kind (別紙7 第8条, 乙第9項, 丙第10項…), for
 * the pages to show instead of the general references; a kind its provisions do not name is left
 * out (the page then shows the general reference).
 */
export function kindArticles(
  provisions: ContractProvisions | undefined,
): Partial<Record<PriorApprovalKind, Message>> {
  const out: Partial<Record<PriorApprovalKind, Message>> = {};
  for (const kind of PRIOR_APPROVAL_KINDS) {
    const citation = citationFor(provisions, KIND_DUTIES[kind]);
    if (citation)
      out[kind] = { en: `special provisions, ${citation.article}`, ja: `特記事項 ${citation.article}` };
  }
  return out;
}
