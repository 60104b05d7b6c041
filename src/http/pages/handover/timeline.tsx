import type { Custody, HandoverPackage } from '../../../domain/handover/package.repository.js';
import { TableWrap, TimeText } from '../components/common.js';
import type { PageCtx } from '../page-context.js';

// 受渡記録・持出記録・返却の確認: every event of the package's chain of custody in time order, as
// the records hold them (names as recorded at the time, not as they read today).

interface Row {
  at: Date;
  what: string;
  who: string;
  how: string;
  bad?: boolean;
}

function rowsOf(p: PageCtx, pkg: HandoverPackage & Custody, names: Map<string, string>): Row[] {
  const t = p.t.handover;
  const person = (id: string | null) => (id ? (names.get(id) ?? id.slice(0, 8)) : '—');
  const rows: Row[] = [{ at: pkg.preparedAt, what: t.event.prepared, who: '', how: '' }];
  for (const h of pkg.handovers) {
    rows.push({
      at: h.handedAt,
      what: t.event[h.kind],
      who: `${h.giver.name} → ${h.receiver.name}`,
      how: [t.identity[h.identityCheck.method], h.identityCheck.note].filter(Boolean).join('：'),
    });
  }
  if (pkg.storedAt) {
    rows.push({
      at: pkg.storedAt,
      what: t.event.stored,
      who: person(pkg.keyHolderHandlerId),
      how: pkg.storagePlace ?? '',
    });
  }
  for (const o of pkg.takeOuts) {
    const about = `${t.purposes[o.purpose] ?? o.purpose}：${o.purposeDetail}（${o.contents}）`;
    if (o.purpose === 'other')
      rows.push({ at: o.requestedAt, what: t.event.takeOutRequested, who: person(o.handlerId), how: about });
    if (o.decidedAt)
      rows.push({
        at: o.decidedAt,
        what: t.event.takeOutDecided(o.status !== 'refused'),
        who: '',
        how: o.decisionComment ?? '',
        bad: o.status === 'refused',
      });
    if (o.outAt) rows.push({ at: o.outAt, what: t.event.takeOut, who: person(o.handlerId), how: about });
    if (o.backAt && o.status === 'back')
      rows.push({
        at: o.backAt,
        what: t.event.takeOutBack,
        who: person(o.handlerId),
        how: o.backCheck ?? '',
      });
  }
  for (const check of pkg.hashChecks) {
    rows.push({
      at: check.checkedAt,
      what: t.event.hashCheck(check.matches),
      who: '',
      how: `SHA-256 ${check.sha256}`,
      bad: !check.matches,
    });
  }
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export function Timeline({
  p,
  pkg,
  names,
}: {
  p: PageCtx;
  pkg: HandoverPackage & Custody;
  names: Map<string, string>;
}) {
  const t = p.t.handover;
  const rows = rowsOf(p, pkg, names);
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">{t.timeline}</h2>
      <TableWrap p={p} label={t.timeline}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.eventCols.when}</th>
              <th scope="col">{t.eventCols.what}</th>
              <th scope="col">{t.eventCols.who}</th>
              <th scope="col">{t.eventCols.how}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr class={r.bad ? 'bad' : undefined}>
                <td class="nowrap">
                  <TimeText at={r.at} />
                </td>
                <th scope="row">{r.bad ? <strong>{r.what}</strong> : r.what}</th>
                <td>{r.who}</td>
                <td class="wrap-anywhere">{r.how}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
