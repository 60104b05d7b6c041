import type { CertificationFlag } from '../../../domain/certifications/certification-standing.js';
import type { ContractCertifications } from '../../../domain/certifications/contract-certifications.js';
import { Badge, DateText } from '../components/common.js';
import type { PageCtx } from '../page-context.js';
import { StandingBadge } from './certification-parts.js';

/** One flag in words: an expired certification with its last valid day, or a required one missing. */
export function FlagText({ p, flag }: { p: PageCtx; flag: CertificationFlag }) {
  const t = p.t.certifications;
  const kind = t.kinds[flag.kind] ?? flag.kind;
  return flag.standing === 'expired' ? (
    <>
      {t.flagExpired(kind)}
      <DateText p={p} date={flag.validUntil} />
    </>
  ) : (
    t.flagMissing(kind)
  );
}

/** The contract list's small field: a badge when the contractor's certifications need attention. */
export function ListFlag({ p, flags }: { p: PageCtx; flags: CertificationFlag[] | undefined }) {
  if (!flags?.length) return null;
  const t = p.t.certifications;
  const kinds = flags.map((f) => `${t.kinds[f.kind] ?? f.kind}：${t.standing[f.standing]}`).join('、');
  return (
    <span class="certification-flag">
      {' '}
      <Badge status="rejected" label={`${t.listFlag}（${kinds}）`} />
    </span>
  );
}

/**
 * 受託者の認証 on a contract: the flags every reader of the contract sees, and for the readers of the
 * company's certifications, where each kind stands and the way to the list with the copies.
 */
export function ContractCertificationsSection({
  p,
  view,
  companyName,
}: {
  p: PageCtx;
  view: ContractCertifications;
  companyName: string;
}) {
  const t = p.t.certifications;
  if (!view.flags.length && !view.standings?.length && view.standings === null) return null;
  return (
    <section aria-labelledby="contract-certifications">
      <h2 id="contract-certifications">{t.contractSection}</h2>
      {view.flags.length > 0 && (
        <div class="error-summary" role="status" id="certification-flags">
          <h3>{t.flagsTitle}</h3>
          <ul>
            {view.flags.map((flag) => (
              <li>
                <FlagText p={p} flag={flag} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {view.standings && (
        <>
          <p>{t.contractIntro(companyName)}</p>
          {view.standings.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <ul>
              {view.standings.map((s) => (
                <li>
                  {t.kinds[s.kind] ?? s.kind}（{s.number}）<StandingBadge p={p} standing={s.standing} />{' '}
                  {t.fields.validUntil} <DateText p={p} date={s.validUntil} />
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href={`/companies/${view.organisationId}/certifications`}>{t.seeAll}</a>
          </p>
        </>
      )}
    </section>
  );
}
