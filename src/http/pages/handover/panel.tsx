import type { UseCaseContext } from '../../../domain/shared/context.js';
import { listMissingCertificates } from '../../../domain/worklists/missing-certificates.js';
import { DateText } from '../components/common.js';
import type { PageCtx, Viewer } from '../page-context.js';

const SHOWN = 8;

/**
 * ダッシュボード「消去証明書」: for the ward's privacy officer, the contracts at their end whose
 * contractor (or sub-contractor) has not certified its erasure, and packages still out — what the
 * closing gate would refuse, before anyone presses 完了.
 */
export async function missingCertificatesPanel(ctx: UseCaseContext, p: PageCtx, v: Viewer) {
  if (v.actor.organisationKind !== 'ward' || !v.ability.can('create', 'HandoverPackage')) return null;
  const t = p.t.handover;
  const { contracts, packages } = await listMissingCertificates(ctx, SHOWN);
  return (
    <section class="panel" aria-labelledby="panel-certificates">
      <h2 id="panel-certificates">{t.panel}</h2>
      {contracts.length + packages.length === 0 ? (
        <p>{p.t.dashboard.nothing}</p>
      ) : (
        <ul>
          {contracts.map((k) => (
            <li>
              <a href={`/contracts/${k.id}`}>{k.title}</a>（{t.panelContract(k.contractorName)}、
              <DateText p={p} date={k.periodTo} />）
            </li>
          ))}
          {packages.map((x) => (
            <li>
              <a href={`/handover/${x.id}`}>{x.title}</a>（
              {t.panelPackage(t.packageStatus[x.status] ?? x.status)}）
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/handover">{p.t.common.showAll}</a>
      </p>
    </section>
  );
}
