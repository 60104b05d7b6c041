// Words of the handover records, with the Japanese shown on records and documents.

/** 本人確認の方法 (seed 000: 身分証明書又は確認証等により搬送従事者の確認を行っている). */
export const IDENTITY_CHECKS = ['id_card', 'employee_card', 'confirmation_slip', 'other'] as const;
export type IdentityCheck = (typeof IDENTITY_CHECKS)[number];

export const IDENTITY_CHECK_JA: Record<IdentityCheck, string> = {
  id_card: '身分証明書',
  employee_card: '社員証・職員証',
  confirmation_slip: '確認証',
  other: 'その他',
};

/** 受渡しの方法: seed 003 運用8 — それぞれ別の機会を設定し、手渡しで行わせる. Nothing else is recorded. */
export const HANDOVER_METHODS = ['by_hand'] as const;

export const TAKE_OUT_PURPOSE_JA = {
  delivery: '納品',
  return: '返却',
  other: 'その他（{self}の承認が必要）',
} as const;

/**
 * Two handovers less than this apart are one occasion (one visit, one trip): the password notice
 * must come on a later, separate one, so that one lost bag or one intercepted visit never carries
 * both the media and its password.
 */
export const SEPARATE_OCCASION_MIN_GAP_MS = 60 * 60 * 1000;

export interface IdentityCheckInput {
  method: IdentityCheck;
  note?: string | null;
}
