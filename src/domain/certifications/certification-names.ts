import type { Message } from '../shared/errors.js';
import type { CertificationKind } from './certification.repository.js';

/** The kinds' names, as documents, mails and reminders print them. */
export const CERTIFICATION_NAMES: Record<CertificationKind, Message> = {
  privacy_mark: { ja: 'プライバシーマーク', en: 'PrivacyMark' },
  isms: { ja: 'ISMS（ISO/IEC 27001）', en: 'ISMS (ISO/IEC 27001)' },
  ismap: { ja: 'ISMAP', en: 'ISMAP' },
};
