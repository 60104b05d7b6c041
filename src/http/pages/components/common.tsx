import type { Child } from 'hono/jsx';
import { toJapanDate } from '../../../domain/shared/japan-date.js';
import { toWareki } from '../../../domain/shared/wareki.js';
import type { PageCtx } from '../page-context.js';

/** A calendar date; in Japanese with the era date beside it (2026-04-01（令和8年4月1日）). */
export function DateText({ p, date }: { p: PageCtx; date: string | null | undefined }) {
  if (!date) return <span>{p.t.common.none}</span>;
  return <time datetime={date}>{p.lang === 'ja' ? `${toWareki(date)}（${date}）` : date}</time>;
}

/** An instant, as the day and time in Japan. */
export function TimeText({ at }: { at: Date | null | undefined }) {
  if (!at) return <span>—</span>;
  const local = new Date(at.getTime() + 9 * 3600 * 1000).toISOString();
  return <time datetime={at.toISOString()}>{`${toJapanDate(at)} ${local.slice(11, 16)}`}</time>;
}

export function Period({ p, from, to }: { p: PageCtx; from: string; to: string }) {
  return (
    <span>
      <DateText p={p} date={from} /> ～ <DateText p={p} date={to} />
    </span>
  );
}

const TONES: Record<string, 'ok' | 'warn' | 'bad' | 'info'> = {
  active: 'ok',
  approved: 'ok',
  acknowledged: 'ok',
  closed: 'info',
  draft: 'info',
  submitted: 'warn',
  under_review: 'warn',
  awaiting_council: 'warn',
  ending: 'warn',
  changes_requested: 'bad',
  returned: 'bad',
  rejected: 'bad',
  revoked: 'bad',
};

/** A status as text in a pill; the tone only repeats what the words say. */
export function Badge({ status, label }: { status: string; label: string | undefined }) {
  return <span class={`badge ${TONES[status] ?? 'info'}`}>{label ?? status}</span>;
}

/** A table that scrolls sideways on a narrow screen, reachable and named for keyboard users. */
export function TableWrap({ p, label, children }: { p: PageCtx; label: string; children: Child }) {
  return (
    <section class="table-wrap" aria-label={p.t.common.listRegion(label)} tabindex={0}>
      {children}
    </section>
  );
}

/** Forward paging by cursor (the domain's Page.nextCursor), keeping the other query parameters. */
export function Pager({
  p,
  nextCursor,
  param = 'cursor',
}: {
  p: PageCtx;
  nextCursor: string | null;
  param?: string;
}) {
  const current = p.url.searchParams.get(param);
  if (!nextCursor && !current) return null;
  const link = (cursor: string | null) => {
    const url = new URL(p.url);
    url.searchParams.delete('notice');
    if (cursor) url.searchParams.set(param, cursor);
    else url.searchParams.delete(param);
    return `${url.pathname}${url.search}`;
  };
  return (
    <nav class="pager" aria-label={p.t.common.nextPage}>
      {current && <a href={link(null)}>{p.t.common.firstPage}</a>}
      {nextCursor && (
        <a href={link(nextCursor)} rel="next">
          {p.t.common.nextPage} →
        </a>
      )}
    </nav>
  );
}

/** Label–value pairs (項目・内容), as the seed forms lay them out. */
export function Details({ rows }: { rows: Array<[string, Child]> }) {
  return (
    <dl class="details">
      {rows.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

/** Lines of text as a list; "なし" when there are none. */
export function Lines({ p, lines }: { p: PageCtx; lines: string[] }) {
  if (!lines.length) return <span>{p.t.common.none}</span>;
  return (
    <ul>
      {lines.map((l) => (
        <li>{l}</li>
      ))}
    </ul>
  );
}
