import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import { createMeeting, listMeetings, listReportItems } from '../../../domain/council/council-items.js';
import { authorizeType } from '../../../domain/shared/authorize.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { requiredText } from '../../schemas/common.js';
import { DateText as DateSchema } from '../../schemas/contracts.js';
import { DateText, Pager, TableWrap, TimeText } from '../components/common.js';
import {
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  formErrors,
  TextField,
} from '../components/form.js';
import { readForm, refusal } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { NoReportBodyNotice } from './report-body-notice.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MeetingInput = z.object({ title: requiredText(200), heldOn: DateSchema });
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

function ItemTable({
  p,
  items,
  caption,
}: {
  p: PageCtx;
  items: Awaited<ReturnType<typeof listReportItems>>['items'];
  caption: string;
}) {
  const t = p.t.council;
  if (!items.length) return <p>{p.t.common.empty}</p>;
  return (
    <TableWrap p={p} label={caption}>
      <table>
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.content.subject}</th>
            <th scope="col">{p.t.approvals.kind}</th>
            <th scope="col">{p.t.approvals.created}</th>
            <th scope="col">PDF</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr>
              <td>
                <a href={`/council/items/${i.id}`}>{i.title}</a>
              </td>
              <td>{t.kind[i.kind]}</td>
              <td class="nowrap">
                <TimeText at={i.createdAt} />
              </td>
              <td>
                <a href={`/council/items/${i.id}/pdf`} aria-label={t.pdfLabel(i.title)}>
                  {t.pdf}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** 審議会: the meetings, the report items of one meeting (or those not yet on an agenda), by page. */
async function showCouncil(c: Context<AppEnv>, values: FormValues, errors: FormError[], status = 200) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  authorizeType(viewer.ability, 'read', 'CouncilReportItem');
  const meetings = await listMeetings(ctx);
  const asked = c.req.query('meeting');
  const meeting = meetings.find((m) => m.id === asked && UUID.test(asked));
  const page = await listReportItems(ctx, {
    meetingId: meeting?.id,
    unassigned: !meeting,
    cursor: c.req.query('cursor') || undefined,
    limit: 20,
  });
  const mayCreate = viewer.ability.can(
    'create',
    asSubject('CouncilMeeting', { wardId: viewer.actor.wardId }),
  );
  const t = p.t.council;
  const f = fields(values, errors);
  const heading = meeting ? t.itemsOf(meeting.title) : t.unassigned;
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <NoReportBodyNotice p={p} />
      {!mayCreate && <p class="lead">{t.readOnly}</p>}
      <h2>{t.meetings}</h2>
      {meetings.length === 0 ? (
        <p>{t.noMeetings}</p>
      ) : (
        <ul>
          {meetings.map((m) => (
            <li>
              <a href={`/council?meeting=${m.id}`} aria-current={m.id === meeting?.id ? 'page' : undefined}>
                {m.title}
              </a>{' '}
              (<DateText p={p} date={m.heldOn} />)
            </li>
          ))}
          <li>
            <a href="/council" aria-current={meeting ? undefined : 'page'}>
              {t.unassigned}
            </a>
          </li>
        </ul>
      )}
      <h2>{heading}</h2>
      <ItemTable p={p} items={page.items} caption={heading} />
      <Pager p={p} nextCursor={page.nextCursor} />
      {mayCreate && (
        <section aria-labelledby="new-meeting">
          <h2 id="new-meeting">{t.newMeeting}</h2>
          <ErrorSummary p={p} f={f} />
          <form method="post" action="/council/meetings" novalidate>
            <Csrf p={p} />
            <TextField p={p} f={f} name="title" label={t.meetingTitle} hint={t.meetingTitleHint} required />
            <TextField p={p} f={f} name="heldOn" label={t.heldOn} type="date" required short />
            <button type="submit">{t.newMeeting}</button>
          </form>
        </section>
      )}
    </Layout>,
    status,
  );
}

export const councilPage = (c: Context<AppEnv>) => showCouncil(c, {}, []);

export async function createMeetingAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const values = await readForm(c);
  const parsed = MeetingInput.safeParse({ title: str(values.title), heldOn: str(values.heldOn) });
  if (!parsed.success) return showCouncil(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    const meeting = await createMeeting(useCaseContext(c), parsed.data);
    return redirectWithNotice(c, `/council?meeting=${meeting.id}`, 'created');
  } catch (error) {
    const refused = refusal(p, error);
    return showCouncil(c, values, refused.errors, refused.status);
  }
}
