import {
  DIRECTIONS,
  itemIdentity,
  MEDIA_JA,
  type Medium,
  mediumIdentity,
  type RegisterDocument,
  type RegisterItem,
} from '../../../domain/registers/register-document.js';
import { TableWrap } from '../components/common.js';
import type { PageCtx } from '../page-context.js';

export interface Picked {
  items: Set<string>;
  media: Set<string>;
}

/** A medium as people say it: its name, with its kind only when the name does not say it already. */
export function mediumText(p: PageCtx, m: Medium): string {
  const kind = p.t.register.mediaKinds[m.kind] ?? m.kind;
  return m.name.includes(MEDIA_JA[m.kind]) || m.name.includes(kind) ? m.name : `${kind}: ${m.name}`;
}

/** One item with what makes it sensitive, and whether an application takes it. */
function ItemText({
  p,
  group,
  item,
  picked,
}: {
  p: PageCtx;
  group: string;
  item: RegisterItem;
  picked?: Picked;
}) {
  const t = p.t.register;
  const notes = [
    item.includesPastYears ? t.pastYears : '',
    item.specialCategory ? t.specials[item.specialCategory] : '',
    item.myNumber ? t.myNumber : '',
    item.specialApproval ? t.approved(item.specialApproval.note) : '',
  ].filter(Boolean);
  const isPicked = picked?.items.has(itemIdentity(group, item));
  return (
    <li class={isPicked ? 'picked' : undefined}>
      <span class="item">
        {item.name}
        {notes.length > 0 && `（${notes.join('・')}）`}
      </span>
      {isPicked && <span class="sr-only">{t.pickedMark}</span>}
    </li>
  );
}

/**
 * A register (情報項目) the way the council report lists it: per subject group and direction
 * (委託先が収集する項目 / 委託先に提供する項目), then the recording media (記録媒体). `picked` marks
 * what a sub-contracting application takes from it, shown side by side with the application.
 */
export function RegisterTable({
  p,
  doc,
  caption,
  picked,
}: {
  p: PageCtx;
  doc: RegisterDocument;
  caption: string;
  picked?: Picked;
}) {
  const t = p.t.register;
  const rows = doc.subjectGroups
    .flatMap((g) =>
      DIRECTIONS.map((direction) => ({
        group: g.name,
        direction,
        items: g.items.filter((i) => i.direction === direction),
      })),
    )
    .filter((r) => r.items.length > 0);
  return (
    <>
      {rows.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <TableWrap p={p} label={caption}>
          <table class="register">
            <caption class="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.group}</th>
                <th scope="col">{t.direction}</th>
                <th scope="col">{t.item}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <th scope="row">{r.group}</th>
                  <td>{t.directions[r.direction]}</td>
                  <td>
                    <ul class="inline-list">
                      {r.items.map((item) => (
                        <ItemText p={p} group={r.group} item={item} picked={picked} />
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <p class="label">{t.media}</p>
      {doc.media.length === 0 ? (
        <p>{p.t.common.none}</p>
      ) : (
        <ul>
          {doc.media.map((m) => (
            <li class={picked?.media.has(mediumIdentity(m)) ? 'picked' : undefined}>
              <span class="item">{mediumText(p, m)}</span>
              {picked?.media.has(mediumIdentity(m)) && <span class="sr-only">{t.pickedMark}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
