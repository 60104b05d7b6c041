import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { addDays } from '../shared/japan-date.js';
import { CERTIFICATION_KINDS, type CertificationKind } from './certification.repository.js';

// Where a company stands with each kind of certification on a given day, from its records alone:
// the latest-ending certification of the kind that is not withdrawn decides (a renewal supersedes
// the expired one). What the contract pages, the contract list, 別紙5's prefill, the council report
// and — later — a risk tier read.

/** How many days before its end a certification counts as expiring (and the last reminder goes out). */
export const EXPIRING_WITHIN_DAYS = 30;

/** valid: in force; expiring: in force, ending within EXPIRING_WITHIN_DAYS; expired; missing: none recorded. */
export type Standing = 'valid' | 'expiring' | 'expired' | 'missing';

export interface KindStanding {
  kind: CertificationKind;
  standing: Standing;
  /** The deciding certification's last valid day and number; null when missing. */
  validUntil: string | null;
  number: string | null;
  certificationId: string | null;
}

export interface HeldCertification {
  id: string;
  kind: CertificationKind;
  number: string;
  validUntil: string;
}

/** The contract's 求める認証 (contracts.required_certifications) in this module's kinds. */
export const REQUIRED_KIND: Record<string, CertificationKind> = { pmark: 'privacy_mark', isms: 'isms' };

export function standingOf(held: HeldCertification[], kind: CertificationKind, today: string): KindStanding {
  const latest = held
    .filter((c) => c.kind === kind)
    .sort((a, b) => b.validUntil.localeCompare(a.validUntil))[0];
  if (!latest) return { kind, standing: 'missing', validUntil: null, number: null, certificationId: null };
  const standing =
    latest.validUntil < today
      ? 'expired'
      : latest.validUntil <= addDays(today, EXPIRING_WITHIN_DAYS)
        ? 'expiring'
        : 'valid';
  return { kind, standing, validUntil: latest.validUntil, number: latest.number, certificationId: latest.id };
}

/** Every kind the company has recorded, in the kinds' order. */
export function standingsOf(held: HeldCertification[], today: string): KindStanding[] {
  return CERTIFICATION_KINDS.filter((k) => held.some((c) => c.kind === k)).map((k) =>
    standingOf(held, k, today),
  );
}

/** A flag on a contract: a certification of its contractor that has expired, or one the contract
 * requires (求める認証) that the contractor has not recorded. */
export interface CertificationFlag {
  kind: CertificationKind;
  standing: 'expired' | 'missing';
  validUntil: string | null;
}

export function contractFlags(
  held: HeldCertification[],
  requiredCertifications: readonly string[],
  today: string,
): CertificationFlag[] {
  const required = new Set(requiredCertifications.map((r) => REQUIRED_KIND[r]).filter(Boolean));
  const flags: CertificationFlag[] = [];
  for (const kind of CERTIFICATION_KINDS) {
    const s = standingOf(held, kind, today);
    if (s.standing === 'expired') flags.push({ kind, standing: 'expired', validUntil: s.validUntil });
    else if (s.standing === 'missing' && required.has(kind))
      flags.push({ kind, standing: 'missing', validUntil: null });
  }
  return flags;
}

/**
 * The certifications in force or once held (not withdrawn) of several companies, in one query. The
 * caller has already shown the reader may read what the result feeds (a contract, its report): the
 * standing it derives says no more than whether a certificate is in force.
 */
export async function heldCertifications(
  db: Kysely<Database>,
  organisationIds: readonly string[],
): Promise<Map<string, HeldCertification[]>> {
  const byOrg = new Map<string, HeldCertification[]>();
  const ids = [...new Set(organisationIds)];
  if (!ids.length) return byOrg;
  const rows = await db
    .selectFrom('company_certifications')
    .select(['id', 'organisation_id', 'kind', 'number', 'valid_until'])
    .where('organisation_id', 'in', ids)
    .where('withdrawn_at', 'is', null)
    .execute();
  for (const r of rows) {
    const list = byOrg.get(r.organisation_id) ?? [];
    list.push({ id: r.id, kind: r.kind, number: r.number, validUntil: r.valid_until });
    byOrg.set(r.organisation_id, list);
  }
  return byOrg;
}
