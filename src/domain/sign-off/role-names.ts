import type { SignOffRole } from '../../../workflows/shared/sign-off.js';
import type { Message } from '../shared/errors.js';

export type { SignOffRole };

/** The sign-off roles (決裁) as the seeds' stamp boxes name them, in Japanese and English. */
export const SIGN_OFF_ROLE_NAMES: Record<SignOffRole, Message> = {
  ward_officer: { ja: '担当者', en: 'Officer in charge' },
  ward_chief: { ja: '係長', en: 'Chief' },
  ward_manager: { ja: '課長', en: 'Manager' },
};

/** Who else takes a step in a record's history: the side that is not the ward's signer. */
export const STEP_ROLE_NAMES: Record<string, Message> = {
  ...SIGN_OFF_ROLE_NAMES,
  applicant: { ja: '申請者', en: 'Applicant' },
  contractor: { ja: '受託者', en: 'Contractor' },
  reporter: { ja: '報告者', en: 'Reporter' },
  inspector: { ja: '監督員', en: 'Inspector' },
  council: { ja: '審議会', en: 'Council' },
  ward: { ja: '区', en: 'Ward' },
};

/** The name of a role written on a step, in one language (the raw key if it is unknown). */
export function stepRoleName(role: string, lang: 'ja' | 'en'): string {
  return STEP_ROLE_NAMES[role]?.[lang] ?? role;
}
