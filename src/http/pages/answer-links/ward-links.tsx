import type { AnswerLink } from '../../../domain/answer-links/answer-link.repository.js';
import { linkState } from '../../../domain/answer-links/answer-link.repository.js';
import type { LinkAnswer } from '../../../domain/answer-links/read-link-answer.js';
import { Badge, TableWrap, TimeText } from '../components/common.js';
import { Csrf, type Fields, TextField } from '../components/form.js';
import type { PageCtx } from '../page-context.js';
import { wardLinkText } from './i18n.js';

/** "Answered through a link by …": a row of the report's particulars. */
export function linkAnswerRow(p: PageCtx, answer: LinkAnswer | null): Array<[string, unknown]> {
  if (!answer) return [];
  const t = wardLinkText(p.lang);
  return [
    [
      t.answeredVia,
      <span class="answered-through-link">
        {t.answeredBy(answer.name, answer.organisation, answer.email)}（<TimeText at={answer.usedAt} />）
      </span>,
    ],
  ];
}

/**
 * The ward's answer links of one record: those made, with their state and a revoke button while
 * open, and the form to make one while the record awaits the company.
 */
export function WardLinks({
  p,
  f,
  targetId,
  links,
  now,
  mayCreate,
}: {
  p: PageCtx;
  f: Fields;
  targetId: string;
  links: AnswerLink[];
  now: Date;
  mayCreate: boolean;
}) {
  const t = wardLinkText(p.lang);
  if (!mayCreate && links.length === 0) return null;
  return (
    <section aria-labelledby="answer-links">
      <h2 id="answer-links">{t.section}</h2>
      {links.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <TableWrap p={p} label={t.caption}>
          <table>
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.contact}</th>
                <th scope="col">{t.expires}</th>
                <th scope="col">{t.state}</th>
              </tr>
            </thead>
            <tbody>
              {links.map((link) => {
                const state = linkState(link, now);
                return (
                  <tr>
                    <th scope="row">
                      {link.contact.name}（{link.contact.organisation}、{link.contact.email}）
                    </th>
                    <td>
                      <TimeText at={link.expiresAt} />
                    </td>
                    <td>
                      <Badge status={state === 'open' ? 'submitted' : 'closed'} label={t.states[state]} />
                      {state === 'open' && (
                        <form method="post" action={`/answer-links/${link.id}/revoke`} class="inline">
                          <Csrf p={p} />
                          <button type="submit" class="secondary" data-confirm={t.confirmRevoke}>
                            {t.revoke}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      {mayCreate && (
        <form method="post" action={`/compliance-reports/${targetId}/answer-links`} novalidate>
          <p>{t.intro}</p>
          <Csrf p={p} />
          <TextField p={p} f={f} name="contactName" label={t.name} required autocomplete="off" />
          <TextField
            p={p}
            f={f}
            name="contactEmail"
            label={t.email}
            type="email"
            required
            autocomplete="off"
          />
          <TextField p={p} f={f} name="contactOrganisation" label={t.organisation} required />
          <TextField p={p} f={f} name="expiresInDays" label={t.days} inputmode="numeric" short />
          <div class="actions">
            <button type="submit">{t.create}</button>
          </div>
        </form>
      )}
    </section>
  );
}
