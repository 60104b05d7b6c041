import type { SignOffRole } from '../../../workflows/shared/sign-off.js';
import { fillWords, type MunicipalityWords, NEUTRAL_WORDS } from '../organisations/municipality-words.js';
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
  // the municipality itself, in its own word (区, 市, …): see stepRoleName
  ward: { ja: '{self}', en: '{Self}' },
};

/** The name of a role written on a step, in one language (the raw key if it is unknown). */
export function stepRoleName(
  role: string,
  lang: 'ja' | 'en',
  words: MunicipalityWords = NEUTRAL_WORDS,
): string {
  const name = STEP_ROLE_NAMES[role]?.[lang];
  return name ? fillWords(name, words, lang) : role;
}
