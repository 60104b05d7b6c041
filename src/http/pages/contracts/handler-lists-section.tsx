import type { HandlerListSubmission } from '../../../domain/handlers/handler-lists.js';
import { Badge, DateText, TableWrap, TimeText } from '../components/common.js';
import { Csrf, fieldId } from '../components/form.js';
import type { PageCtx } from '../page-context.js';

/** The latest submissions; older ones stay in the API's history (GET …/handler-lists). */
const HISTORY_SHOWN = 10;

export interface HandlerListsView {
  current: HandlerListSubmission[];
  history: Array<{
    id: string;
    organisationId: string;
    status: string;
    submittedAt: Date;
    decidedAt: Date | null;
  }>;
  /** Submissions waiting for the viewer's decision (確認・差戻し), with their entries. */
  pending: HandlerListSubmission[];
  orgNames: Map<string, string>;
  /** Where the viewer submits its own organisation's list, if it may. */
  submitHref?: string;
}

function Entries({
  p,
  submission,
  caption,
}: {
  p: PageCtx;
  submission: HandlerListSubmission;
  caption: string;
}) {
  const t = p.t.handlerLists;
  return (
    <TableWrap p={p} label={caption}>
      <table>
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.jobTitle}</th>
            <th scope="col">{t.task}</th>
            <th scope="col">{t.handlesMyNumber}</th>
            <th scope="col">{t.effective}</th>
            <th scope="col">{t.pledge}</th>
            <th scope="col">{t.training}</th>
          </tr>
        </thead>
        <tbody>
          {submission.entries.map((e) => {
            const pledge = e.handler.pledges.at(-1);
            const training = e.handler.trainings.at(-1);
            return (
              <tr>
                <td class="nowrap">{p.t.roles.handler[e.role]}</td>
                <td class="nowrap">{e.handler.fullName}</td>
                <td>{e.handler.jobTitle ?? '—'}</td>
                <td>{e.task ?? '—'}</td>
                <td>{e.handlesMyNumber ? t.mayHandleMyNumber : '—'}</td>
                <td class="nowrap">
                  <DateText p={p} date={e.effectiveFrom} /> ～{' '}
                  {e.effectiveTo ? <DateText p={p} date={e.effectiveTo} /> : ''}
                </td>
                <td>
                  {pledge ? (
                    <>
                      <DateText p={p} date={pledge.signedOn} />
                      {pledge.wordingVersion ? `（${pledge.wordingVersion}）` : ''}
                    </>
                  ) : (
                    <Badge status="returned" label={t.noPledge} />
                  )}
                </td>
                <td>{training ? `${training.subject}（${training.heldOn}）` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** 確認 or 差戻し of one submitted list: one comment, two buttons. */
function DecisionForm({
  p,
  contractId,
  submission,
}: {
  p: PageCtx;
  contractId: string;
  submission: HandlerListSubmission;
}) {
  const t = p.t.handlerLists;
  const base = `/contracts/${contractId}/handler-lists/${submission.id}`;
  const id = fieldId(`comment-${submission.id}`);
  return (
    <form method="post" action={`${base}/acknowledge`} class="decision">
      <Csrf p={p} />
      <input type="hidden" name="version" value={String(submission.version)} />
      <div class="field">
        <label for={id}>{p.t.common.commentOptional}</label>
        <textarea id={id} name="comment" rows={2} />
      </div>
      <div class="actions">
        {(['acknowledge', 'return'] as const).map((decision) => (
          <button
            type="submit"
            formaction={`${base}/${decision}`}
            class={decision === 'return' ? 'danger' : undefined}
          >
            {t.decide[decision]}
          </button>
        ))}
      </div>
    </form>
  );
}

/** 取扱責任者及び取扱者の名簿: the lists in force, those waiting for the ward, and the history. */
export function HandlerListsSection({
  p,
  contractId,
  view,
}: {
  p: PageCtx;
  contractId: string;
  view: HandlerListsView;
}) {
  const t = p.t.handlerLists;
  const org = (id: string) => view.orgNames.get(id) ?? t.unnamedOrg;
  return (
    <section aria-labelledby="handler-lists">
      <h2 id="handler-lists">{t.title}</h2>
      {view.submitHref && (
        <p class="actions">
          <a class="button" href={view.submitHref}>
            {t.submit}
          </a>
        </p>
      )}
      {view.pending.map((s) => (
        <>
          <h3>{t.pendingFrom(org(s.organisationId))}</h3>
          <Entries p={p} submission={s} caption={t.pendingFrom(org(s.organisationId))} />
          <DecisionForm p={p} contractId={contractId} submission={s} />
        </>
      ))}
      {view.current.length === 0 ? (
        <p>{t.noneInForce}</p>
      ) : (
        view.current.map((s) => (
          <>
            <h3>{t.inForce(org(s.organisationId))}</h3>
            <Entries p={p} submission={s} caption={t.inForce(org(s.organisationId))} />
          </>
        ))
      )}
      {view.history.length > 0 && (
        <>
          <h3>{t.history}</h3>
          <TableWrap p={p} label={t.history}>
            <table>
              <caption class="sr-only">{t.history}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.submittedAt}</th>
                  <th scope="col">{t.organisation}</th>
                  <th scope="col">{p.t.contracts.fields.status}</th>
                  <th scope="col">{t.decidedAt}</th>
                </tr>
              </thead>
              <tbody>
                {view.history.slice(0, HISTORY_SHOWN).map((h) => (
                  <tr>
                    <td>
                      <TimeText at={h.submittedAt} />
                    </td>
                    <td>{org(h.organisationId)}</td>
                    <td>
                      <Badge status={h.status} label={p.t.status.handlerList[h.status]} />
                    </td>
                    <td>
                      <TimeText at={h.decidedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}
