import type { ImportedHistoryEntry } from '../../../domain/imports/read-imported-history.js';
import { toJapanDate } from '../../../domain/shared/japan-date.js';
import { DateText, TableWrap, TimeText } from '../components/common.js';
import type { PageCtx } from '../page-context.js';

// 取込み（過去の記録）on the contract's page: the past approvals, handovers, returns and erasures a
// ward brought in from paper, in time order, each as recorded (the template's headings and the
// values under them), marked as imported so that nobody reads them as steps taken here.

const SHOWN_APART = new Set(['日時', '承認日', '区分']);

export function ImportedHistorySection({ p, entries }: { p: PageCtx; entries: ImportedHistoryEntry[] }) {
  if (!entries.length) return null;
  const t = p.t.imports;
  return (
    <section aria-labelledby="imported-history">
      <h2 id="imported-history">{t.pastTitle}</h2>
      <p>{t.pastIntro}</p>
      <TableWrap p={p} label={t.pastTitle}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.pastWhen}</th>
              <th scope="col">{t.pastKind}</th>
              <th scope="col">{t.pastRecord}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr>
                <td data-label={t.pastWhen}>
                  {e.dateOnly ? (
                    <DateText p={p} date={toJapanDate(e.occurredAt)} />
                  ) : (
                    <TimeText at={e.occurredAt} />
                  )}
                </td>
                <td data-label={t.pastKind}>
                  {t.pastKinds[e.kind]}
                  <br />
                  <span class="badge info">{t.pastBadge}</span>
                </td>
                <td data-label={t.pastRecord}>
                  <ul>
                    {Object.entries(e.details)
                      .filter(([heading]) => !SHOWN_APART.has(heading))
                      .map(([heading, value]) => (
                        <li>
                          {heading}: {value}
                        </li>
                      ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
