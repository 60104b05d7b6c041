import type { ProvisionDuty } from '../../../forms/special-provisions/special-provisions.js';
import type { PriorApprovalCarrier, PriorApprovalKind } from '../../db/tables/prior-approvals.js';
import type { Message } from '../shared/errors.js';

// The kinds of prior approval (事前承認) and the articles they come from: seed 001 別紙7 and
// seed 003's 乙 provisions (丙 repeats them for the sub-contractor).

export const PRIOR_APPROVAL_KINDS: readonly PriorApprovalKind[] = [
  'copy',
  'other_use',
  'take_out',
  'disposal',
];
export const PRIOR_APPROVAL_CARRIERS: readonly PriorApprovalCarrier[] = ['paper', 'device', 'other'];

export const KIND_NAMES: Record<PriorApprovalKind, Message> = {
  copy: { en: 'Copying or reproduction', ja: '複写・複製' },
  other_use: { en: 'Use outside the purpose or provision to a third party', ja: '目的外利用・第三者提供' },
  take_out: { en: 'Taking out of the designated place', ja: '持出し' },
  disposal: { en: 'Disposal', ja: '廃棄' },
};

/** The articles of the special provisions (特記事項) each kind comes from. */
export const KIND_ARTICLES: Record<PriorApprovalKind, Message> = {
  copy: { en: 'Annex 7 art. 8; provisions 乙9', ja: '別紙7 第8条、特記事項 乙9' },
  other_use: { en: 'Annex 7 arts. 5–6; provisions 乙7', ja: '別紙7 第5条・第6条、特記事項 乙7' },
  take_out: { en: 'Annex 7 art. 9; provisions 乙6', ja: '別紙7 第9条、特記事項 乙6' },
  disposal: { en: 'Annex 7 art. 10', ja: '別紙7 第10条' },
};

/**
 * The duty of the 特記事項 each kind answers: its refusals cite the article of the contract's own
 * provisions (別紙7 第8条, 乙第9項, 丙第10項…), whatever KIND_ARTICLES says in general.
 */
export const KIND_DUTIES: Record<PriorApprovalKind, ProvisionDuty> = {
  copy: 'copying',
  other_use: 'purpose',
  take_out: 'take_out',
  disposal: 'return_erasure',
};

export const CARRIER_NAMES: Record<PriorApprovalCarrier, Message> = {
  paper: { en: 'Paper', ja: '紙' },
  device: { en: 'Computer or device', ja: 'パソコン・端末' },
  other: { en: 'Other', ja: 'その他' },
};

/** Seed 001 別紙7: every kind needs the ward's approval; a witness only when the ward asks for one. */
export const DEFAULT_REQUIRED_KINDS: readonly PriorApprovalKind[] = PRIOR_APPROVAL_KINDS;
