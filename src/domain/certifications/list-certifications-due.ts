import { accessibleBy } from '../../../policies/rules-to-sql.js';
import type { UseCaseContext } from '../shared/context.js';
import { addDays, toJapanDate } from '../shared/japan-date.js';
import type { CertificationKind } from './certification.repository.js';
import { certificationFields } from './certification.repository.js';
import { EXPIRING_WITHIN_DAYS } from './certification-standing.js';

export interface CertificationDue {
  id: string;
  organisationId: string;
  organisationName: string;
  kind: CertificationKind;
  number: string;
  validUntil: string;
  expired: boolean;
}

/**
 * 認証の更新: the certifications the viewer may change (a company's managers, their own) that have
 * expired or end within EXPIRING_WITHIN_DAYS, the latest of each kind only (a renewal recorded
 * clears it), soonest first. The permission rules run in the SQL.
 */
export async function listCertificationsDue(ctx: UseCaseContext, limit: number): Promise<CertificationDue[]> {
  const today = toJapanDate(ctx.now());
  const rows = await ctx.db
    .selectFrom('company_certifications')
    .innerJoin('organisations as o', 'o.id', 'company_certifications.organisation_id')
    .select([
      'company_certifications.id',
      'company_certifications.organisation_id',
      'company_certifications.kind',
      'company_certifications.number',
      'company_certifications.valid_until',
      'o.name',
    ])
    .where((eb) => accessibleBy(eb, ctx.ability, 'update', 'CompanyCertification', certificationFields))
    .where('company_certifications.withdrawn_at', 'is', null)
    .where('company_certifications.valid_until', '<=', addDays(today, EXPIRING_WITHIN_DAYS))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('company_certifications as later')
            .select('later.id')
            .whereRef('later.organisation_id', '=', 'company_certifications.organisation_id')
            .whereRef('later.kind', '=', 'company_certifications.kind')
            .where('later.withdrawn_at', 'is', null)
            .whereRef('later.valid_until', '>', 'company_certifications.valid_until'),
        ),
      ),
    )
    .orderBy('company_certifications.valid_until')
    .orderBy('company_certifications.id')
    .limit(limit + 1)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.name,
    kind: r.kind,
    number: r.number,
    validUntil: r.valid_until,
    expired: r.valid_until < today,
  }));
}
