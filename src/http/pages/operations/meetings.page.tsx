import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getMeeting, listMeetings, recordMeeting } from '../../../domain/operational-reports/meetings.js';
import { toWareki } from '../../../domain/shared/wareki.js';
import { contractTitles } from '../../../domain/worklists/contract-titles.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { requiredText, Uuid } from '../../schemas/common.js';
import { DateText as DateSchema } from '../../schemas/contracts.js';
import { DateText, Details, Lines, Pager, TimeText } from '../components/common.js';
import {
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  formErrors,
  TextArea,
  TextField,
} from '../components/form.js';
import { firstValue, readForm, refusal } from '../components/form-body.js';
import { ListTable } from '../components/list-table.js';
import { zodErrors } from '../contracts/contract-form.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { activeContracts, ContractChoice } from './contract-choice.js';

const PAGE_SIZE = 20;

/** 定例会議の一覧: latest first, the rules in SQL. */
export async function meetingListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const t = p.t.operations.meetings;
  const page = await listMeetings(ctx, { cursor: c.req.query('cursor') || undefined, limit: PAGE_SIZE });
  const titles = await contractTitles(
    ctx,
    page.items.map((m) => m.contractId),
  );
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <p>{t.intro}</p>
      {ctx.ability.can('create', 'RegularMeeting') && (
        <p>
          <a href="/regular-meetings/new">{t.record}</a>
        </p>
      )}
      {page.items.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ListTable
          p={p}
          label={t.list}
          items={page.items}
          columns={[
            {
              label: t.fields.heldOn,
              cell: (m) => (
                <a href={`/regular-meetings/${m.id}`}>
                  <DateText p={p} date={m.heldOn} />
                </a>
              ),
            },
            { label: t.fields.contract, cell: (m) => titles.get(m.contractId) ?? '—' },
            { label: t.fields.attendees, cell: (m) => m.attendees.join('、') },
          ]}
        />
      )}
      <Pager p={p} nextCursor={page.nextCursor} />
    </Layout>,
  );
}

export async function meetingDetailPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const t = p.t.operations.meetings;
  const meeting = await getMeeting(ctx, c.req.param('id')!);
  const [titles, orgs] = await Promise.all([
    contractTitles(ctx, [meeting.contractId]),
    organisationNames(ctx, [meeting.recordedByOrgId]),
  ]);
  return sendPage(
    c,
    <Layout p={p} title={t.detailTitle(p.lang === 'ja' ? toWareki(meeting.heldOn) : meeting.heldOn)}>
      <Details
        rows={
          [
            [
              t.fields.contract,
              <a href={`/contracts/${meeting.contractId}`}>{titles.get(meeting.contractId) ?? '—'}</a>,
            ],
            [t.fields.heldOn, <DateText p={p} date={meeting.heldOn} />],
            [t.fields.attendees, <Lines p={p} lines={meeting.attendees} />],
            [t.fields.minutes, <span class="pre">{meeting.minutes}</span>],
            [t.fields.recordedBy, orgs.get(meeting.recordedByOrgId) ?? '—'],
            [t.fields.recordedAt, <TimeText at={meeting.recordedAt} />],
          ] as never
        }
      />
      <p>
        <a href="/regular-meetings">{t.list}</a>
      </p>
    </Layout>,
  );
}

const MeetingForm = z.object({
  contractId: Uuid,
  heldOn: DateSchema,
  attendees: requiredText(5000).transform((s) =>
    s
      .split(/\r?\n/)
      .map((a) => a.trim())
      .filter(Boolean),
  ),
  minutes: requiredText(20000),
});
const FIELDS = ['contractId', 'heldOn', 'attendees', 'minutes'];

async function showNew(c: Context<AppEnv>, values: FormValues, errors: FormError[], status = 200) {
  const p = pageCtx(c);
  const t = p.t.operations.meetings;
  const f = fields(values, errors);
  const contracts = await activeContracts(useCaseContext(c));
  return sendPage(
    c,
    <Layout p={p} title={t.recordTitle}>
      <p>{t.intro}</p>
      <form method="post" action="/regular-meetings/new" novalidate>
        <ErrorSummary p={p} f={f} />
        <Csrf p={p} />
        <ContractChoice p={p} f={f} options={contracts} />
        <TextField p={p} f={f} name="heldOn" label={t.fields.heldOn} type="date" short required />
        <TextArea
          p={p}
          f={f}
          name="attendees"
          label={t.fields.attendees}
          hint={t.fields.attendeesHint}
          rows={4}
          required
        />
        <TextArea p={p} f={f} name="minutes" label={t.fields.minutes} rows={8} required />
        <div class="actions">
          <button type="submit">{t.submit}</button> <a href="/regular-meetings">{p.t.common.cancel}</a>
        </div>
      </form>
    </Layout>,
    status,
  );
}

/** 定例会議の記録 (the form), for the city's signers and the contractor. */
export const newMeetingPage = (c: Context<AppEnv>) =>
  showNew(c, { contractId: c.req.query('contractId') ?? '' }, []);

export async function recordMeetingAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const raw = await readForm(c);
  const values: FormValues = Object.fromEntries(FIELDS.map((k) => [k, firstValue(raw[k])]));
  const parsed = MeetingForm.safeParse(values);
  if (!parsed.success) return showNew(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    const meeting = await recordMeeting(useCaseContext(c), parsed.data);
    return redirectWithNotice(c, `/regular-meetings/${meeting.id}`, 'created');
  } catch (error) {
    const refused = refusal(p, error);
    return showNew(c, values, refused.errors, refused.status);
  }
}
