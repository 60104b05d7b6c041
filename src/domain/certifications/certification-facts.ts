import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { CertificationKind } from './certification.repository.js';
import { heldCertifications, type Standing, standingOf } from './certification-standing.js';

/** 別紙5 (2) asks for internal rules or the P-mark; an ISMS certificate evidences the rules too. */
const REPORTED_KINDS: readonly CertificationKind[] = ['privacy_mark', 'isms'];

/** A certification of the reporting company as it stood at the end of the period. */
export interface CertificationFact {
  kind: CertificationKind;
  number: string;
  validUntil: string;
  standing: Exclude<Standing, 'missing'>;
  /** The certificate's copy, if the company recorded one. */
  attachmentId: string | null;
  certificationId: string;
}

/**
 * The reporting company's P-mark and ISMS as they stood on the period's last day: the latest of
 * each kind, not withdrawn. What 別紙5's question (2) is prefilled from, with the copies as evidence.
 */
export async function gatherCertificationFacts(
  db: Kysely<Database>,
  organisationId: string,
  onDay: string,
): Promise<CertificationFact[]> {
  const held = (await heldCertifications(db, [organisationId])).get(organisationId) ?? [];
  const facts: CertificationFact[] = [];
  for (const kind of REPORTED_KINDS) {
    const s = standingOf(held, kind, onDay);
    if (s.standing === 'missing') continue;
    const copy = await db
      .selectFrom('company_certifications')
      .select('attachment_id')
      .where('id', '=', s.certificationId!)
      .executeTakeFirstOrThrow();
    facts.push({
      kind,
      number: s.number!,
      validUntil: s.validUntil!,
      standing: s.standing,
      attachmentId: copy.attachment_id,
      certificationId: s.certificationId!,
    });
  }
  return facts;
}

/** In force on the day (valid or expiring). */
export const inForce = (f: CertificationFact) => f.standing !== 'expired';
