import type { Context } from 'hono';
import { Hono } from 'hono';
import { markNotificationRead } from '../../../domain/notifications/read-notifications.js';
import { readInbox } from '../../../domain/worklists/inbox.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, DateText, TableWrap, TimeText } from '../components/common.js';
import { Csrf } from '../components/form.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';
import { stateLabel } from './work-item.js';

/** 受信箱: every step waiting on the viewer (the worklist, as on the dashboard) and their reminders. */
async function inboxPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = p.t.inbox;
  const inbox = await readInbox(useCaseContext(c));
  // the header counts what this page lists: read once, not twice
  p.inboxCount = async () => inbox.unread;
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <section aria-labelledby="inbox-waiting">
        <h2 id="inbox-waiting">
          {t.waiting}（{inbox.more ? t.unreadMore(inbox.waiting.length) : t.unread(inbox.waiting.length)}）
        </h2>
        <p class="hint">{t.waitingHint}</p>
        {inbox.waiting.length === 0 ? (
          <p>{t.nothing}</p>
        ) : (
          <TableWrap p={p} label={t.waiting}>
            <table class="cards">
              <thead>
                <tr>
                  <th scope="col">{t.columns.what}</th>
                  <th scope="col">{t.columns.title}</th>
                  <th scope="col">{t.columns.party}</th>
                  <th scope="col">{t.columns.state}</th>
                  <th scope="col">{t.columns.since}</th>
                  <th scope="col">{t.columns.due}</th>
                </tr>
              </thead>
              <tbody>
                {inbox.waiting.map((item) => {
                  const state = stateLabel(p, item);
                  // on a phone each row is a card, each cell labelled and holding one element
                  return (
                    <tr data-kind={item.kind}>
                      <td data-label={t.columns.what}>{t.what[item.kind]}</td>
                      <td data-label={t.columns.title}>
                        <span>
                          <a href={item.href}>
                            {item.kind === 'findings-past-due'
                              ? p.t.inspections.itemLink(item.title)
                              : `${item.label ? `${p.msg(item.label)}：` : ''}${item.title}`}
                          </a>
                          {item.number && <span class="record-number"> {item.number}</span>}
                          {item.detail && <div class="work-detail">{p.msg(item.detail)}</div>}
                        </span>
                      </td>
                      <td data-label={t.columns.party}>{item.party ?? '—'}</td>
                      <td data-label={t.columns.state}>
                        {state ? <Badge status={item.status ?? 'submitted'} label={state} /> : '—'}
                      </td>
                      <td data-label={t.columns.since}>
                        <TimeText at={item.since} />
                      </td>
                      <td data-label={t.columns.due}>
                        <span>
                          {item.dueOn ? <DateText p={p} date={item.dueOn} /> : '—'}
                          {item.overdue && (
                            <>
                              {' '}
                              <Badge status="returned" label={t.overdue} />
                            </>
                          )}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      <section aria-labelledby="inbox-reminders">
        <h2 id="inbox-reminders">{t.reminders}</h2>
        {inbox.reminders.length === 0 ? (
          <p>{t.noReminders}</p>
        ) : (
          <ul class="reminders">
            {inbox.reminders.map((r) => (
              <li class={r.read ? 'read' : 'unread'}>
                <Badge
                  status={r.read ? 'closed' : 'submitted'}
                  label={r.done ? t.done : r.read ? t.read : t.unreadMark}
                />{' '}
                <strong>{r.title}</strong> <span>{r.body}</span>（<TimeText at={new Date(r.createdAt)} />）
                {!r.read && (
                  <form method="post" action={`/notifications/${r.id}/read`} class="inline">
                    <Csrf p={p} />
                    <button type="submit" class="link-button">
                      {t.markRead}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>,
  );
}

/** 既読にする: the API's use case, then back to the inbox. */
async function markReadAction(c: Context<AppEnv>) {
  await markNotificationRead(useCaseContext(c), c.req.param('id') ?? '');
  return c.redirect('/notifications', 303);
}

/** The inbox's pages. */
export function inboxPages() {
  const app = new Hono<AppEnv>();
  app.get('/notifications', signedIn, inboxPage);
  app.post(`/notifications/:id${UUID_PARAM}/read`, signedIn, markReadAction);
  return app;
}
