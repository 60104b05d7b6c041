import { articleFor } from '../../../forms/special-provisions/catalogue.js';
import type { ProvisionDuty } from '../../../forms/special-provisions/special-provisions.js';
import { ConflictError, type FieldError, type Message, ValidationError } from '../shared/errors.js';
import type { ContractProvisions } from './provisions.repository.js';

/** Where a rule comes from: the article of the contract's 特記事項 that imposes it. */
export interface ProvisionCitation {
  article: string;
  templateId: string;
  templateVersion: number;
  title: string;
}

export function citationFor(
  provisions: ContractProvisions | undefined,
  duty: ProvisionDuty,
): ProvisionCitation | undefined {
  const article = articleFor(provisions?.template, duty);
  if (!provisions || !article) return undefined;
  return {
    article,
    templateId: provisions.templateId,
    templateVersion: provisions.templateVersion,
    title: provisions.template.title,
  };
}

/** A refusal's message with 「（特記事項 第○条）」 added, so the reader sees which duty refused them. */
export function cite(message: Message, citation: ProvisionCitation | undefined): Message {
  if (!citation) return message;
  return {
    en: `${message.en} (special provisions, ${citation.article})`,
    ja: `${message.ja}（特記事項 ${citation.article}）`,
  };
}

/** The duty behind each gate's blocker (src/domain/contracts/contract-gates.ts, erasure/closing-gate.ts). */
const BLOCKER_DUTIES: Record<string, ProvisionDuty> = {
  'register-missing': 'data_items',
  'handler-list-missing': 'handler_list',
  'package-outstanding': 'return_erasure',
  'package-hash-unchecked': 'return_erasure',
  'item-not-disposed': 'return_erasure',
  'erasure-not-certified': 'erasure_certificate',
};

/** Blockers with the article of the contract's provisions that imposes each (where one does). */
export function citeBlockers<B extends Message & { code: string }>(
  blockers: B[],
  provisions: ContractProvisions | undefined,
): Array<B & { article?: string }> {
  return blockers.map((blocker) => {
    const duty = BLOCKER_DUTIES[blocker.code];
    const citation = duty ? citationFor(provisions, duty) : undefined;
    if (!citation || blocker.ja.includes('特記事項')) return blocker;
    return { ...blocker, ...cite(blocker, citation), article: citation.article };
  });
}

/**
 * A refusal (409 or 422) of a step that enforces a duty of the provisions, with the article added:
 * to its detail, to each field error, and as `article` (a 409's extra member, a field error's
 * member), so the problem+json and the page both say which article refused. Other errors (404,
 * 403) pass unchanged: they say nothing about the duty.
 */
export function citeRefusal<E>(error: E, citation: ProvisionCitation | undefined): E {
  if (!citation) return error;
  const citeField = (e: FieldError): FieldError => {
    if (e.message_ja.includes('特記事項')) return e;
    const { en, ja } = cite({ en: e.message, ja: e.message_ja }, citation);
    return { ...e, message: en, message_ja: ja, article: citation.article };
  };
  const detail = (m: Message) => (m.ja.includes('特記事項') ? m : cite(m, citation));
  if (error instanceof ValidationError) {
    return new ValidationError(detail(error.detail), error.errors.map(citeField)) as E;
  }
  if (error instanceof ConflictError) {
    return new ConflictError(detail(error.detail), {
      ...error.extra,
      article: citation.article,
      provisions: { templateId: citation.templateId, title: citation.title },
    }) as E;
  }
  return error;
}
