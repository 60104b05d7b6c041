import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AccessLogReview } from '../../../domain/my-number/access-log-review.repository.js';
import {
  type AccessLogReviewCommand,
  accessLogReviewActions,
  actOnAccessLogReview,
  getAccessLogReview,
} from '../../../domain/my-number/access-log-reviews.js';
import { contractTitles } from '../../../domain/worklists/contract-titles.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { INCIDENT_FORM } from '../../routes/access-log-reviews.routes.js';
import { text } from '../../schemas/common.js';
import { Badge, DateText, Details, TimeText } from '../components/common.js';
import {
  ChoiceGroup,
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  formErrors,
  TextArea,
  TextField,
} from '../components/form.js';
import { firstValue, readForm, refusal, versionOf } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { IntervalSection, intervalView } from './review-interval.js';

export const ACCESS_LOG_REVIEW_COMMANDS: AccessLogReviewCommand[] = ['record', 'confirm', 'send-back'];

function ActionForm(props: {
  p: PageCtx;
  record: AccessLogReview;
  command: AccessLogReviewCommand;
  children?: unknown;
}) {
  const { p, record, command } = props;
  const label = p.t.accessLogReviews.commands[command]!;
  return (
    <form
      method="post"
      action={`/access-log-reviews/${record.id}/${command}`}
      novalidate
      class="decision"
      aria-label={label}
    >
      <h3>{label}</h3>
      <Csrf p={p} />
      <input type="hidden" name="version" value={String(record.version)} />
      {props.children as never}
      <div class="actions">
        <button type="submit">{label}</button>
      </div>
    </form>
  );
}

export async function showReview(
  c: Context<AppEnv>,
  values: FormValues = {},
  errors: FormError[] = [],
  status = 200,
) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const record = await getAccessLogReview(ctx, c.req.param('id')!);
  const t = p.t.accessLogReviews;
  const [titles, orgs] = await Promise.all([
    contractTitles(ctx, [record.contractId]),
    organisationNames(ctx, [record.organisationId]),
  ]);
  const commands = accessLogReviewActions(viewerOf(p), record);
  const interval = await intervalView(c, record.contractId);
  const recorded: FormValues = {
    reviewedOn: record.reviewedOn ?? '',
    reviewerName: record.reviewerName ?? '',
    logsReviewed: record.logsReviewed ?? '',
    anomaliesFound: record.anomaliesFound === null ? '' : record.anomaliesFound ? 'yes' : 'no',
    anomalyDescription: record.anomalyDescription ?? '',
    actionTaken: record.actionTaken ?? '',
  };
  // the form starts from what was recorded (a review sent back is corrected, not retyped); a refused
  // interval keeps it too
  const f = fields(
    Object.keys(values).some((k) => k !== 'interval') ? values : { ...recorded, ...values },
    errors,
  );
  const or = (s: string | null) => (s ? <span class="pre">{s}</span> : <span>{p.t.common.none}</span>);
  const anomalies =
    record.anomaliesFound === null
      ? p.t.common.none
      : record.anomaliesFound
        ? t.anomalies.yes
        : t.anomalies.no;
  return sendPage(
    c,
    <Layout p={p} title={t.detailTitle(record.period)}>
      <ErrorSummary p={p} f={f} />
      {record.anomaliesFound && (
        <div class="notice" role="note" data-anomaly>
          <p>{t.anomalyNotice}</p>
          <p>
            <a href={INCIDENT_FORM(record.contractId)}>{t.reportIncident}</a>
          </p>
        </div>
      )}
      <Details
        rows={
          [
            [
              t.fields.status,
              <span>
                <Badge status={record.status} label={t.status[record.status] ?? record.status} />{' '}
                {record.overdue && <Badge status="returned" label={t.overdue} />}
              </span>,
            ],
            [
              t.fields.contract,
              <a href={`/contracts/${record.contractId}`}>{titles.get(record.contractId) ?? '—'}</a>,
            ],
            [t.fields.organisation, orgs.get(record.organisationId) ?? '—'],
            [
              t.fields.period,
              <span>
                {record.period}（<DateText p={p} date={record.periodFrom} /> ～{' '}
                <DateText p={p} date={record.periodTo} />）
              </span>,
            ],
            [t.fields.dueOn, <DateText p={p} date={record.dueOn} />],
            [t.fields.reviewedOn, record.reviewedOn ? <DateText p={p} date={record.reviewedOn} /> : or(null)],
            [t.fields.reviewerName, or(record.reviewerName)],
            [t.fields.logsReviewed, or(record.logsReviewed)],
            [t.fields.anomaliesFound, anomalies],
            ...(record.anomaliesFound ? [[t.fields.anomalyDescription, or(record.anomalyDescription)]] : []),
            [t.fields.actionTaken, or(record.actionTaken)],
            [t.fields.recordedAt, <TimeText at={record.recordedAt} />],
            ...(record.returnComment ? [[t.fields.returnComment, or(record.returnComment)]] : []),
            ...(record.confirmedAt
              ? [
                  [t.fields.confirmedAt, <TimeText at={record.confirmedAt} />],
                  [t.fields.confirmComment, or(record.confirmComment)],
                ]
              : []),
          ] as never
        }
      />
      {commands.length > 0 && (
        <section aria-labelledby="review-actions">
          <h2 id="review-actions">{t.actions}</h2>
          {commands.includes('record') && (
            <ActionForm p={p} record={record} command="record">
              <TextField
                p={p}
                f={f}
                name="reviewedOn"
                label={t.fields.reviewedOn}
                type="date"
                short
                required
              />
              <TextField p={p} f={f} name="reviewerName" label={t.fields.reviewerName} required />
              <TextArea p={p} f={f} name="logsReviewed" label={t.fields.logsReviewed} rows={3} required />
              <ChoiceGroup
                p={p}
                f={f}
                name="anomaliesFound"
                legend={t.fields.anomaliesFound}
                type="radio"
                options={[
                  { value: 'no', label: t.anomalies.no },
                  { value: 'yes', label: t.anomalies.yes },
                ]}
              />
              <TextArea p={p} f={f} name="anomalyDescription" label={t.fields.anomalyDescription} rows={3} />
              <TextArea p={p} f={f} name="actionTaken" label={t.fields.actionTaken} rows={3} />
            </ActionForm>
          )}
          {commands.includes('confirm') && (
            <ActionForm p={p} record={record} command="confirm">
              <TextArea p={p} f={f} name="confirmComment" label={t.fields.confirmComment} rows={2} />
            </ActionForm>
          )}
          {commands.includes('send-back') && (
            <ActionForm p={p} record={record} command="send-back">
              <TextArea p={p} f={f} name="returnComment" label={t.fields.returnComment} rows={2} required />
            </ActionForm>
          )}
        </section>
      )}
      <IntervalSection p={p} reviewId={record.id} view={interval} f={f} />
    </Layout>,
    status,
  );
}

export const accessLogReviewDetailPage = (c: Context<AppEnv>) => showReview(c);

const optional = (max: number) => text(max).transform((s) => s.trim() || null);
const StepForm = z.object({
  reviewedOn: optional(10),
  reviewerName: optional(200),
  logsReviewed: optional(5000),
  anomaliesFound: z.enum(['yes', 'no', '']).transform((v) => (v === '' ? null : v === 'yes')),
  anomalyDescription: optional(5000),
  actionTaken: optional(5000),
  comment: optional(3000),
});
const STEP_FIELDS = [
  'reviewedOn',
  'reviewerName',
  'logsReviewed',
  'anomaliesFound',
  'anomalyDescription',
  'actionTaken',
  'confirmComment',
  'returnComment',
];

/** 記録・確認・差戻し; refusals come back beside the fields, with the summary at the top. */
export async function accessLogReviewStepAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const command = ACCESS_LOG_REVIEW_COMMANDS.find((k) => k === c.req.param('command'));
  if (!command) return c.notFound();
  const raw = await readForm(c);
  const values: FormValues = Object.fromEntries(STEP_FIELDS.map((k) => [k, firstValue(raw[k]) ?? '']));
  const parsed = StepForm.safeParse({
    ...values,
    comment: command === 'confirm' ? values.confirmComment : values.returnComment,
  });
  if (!parsed.success) return showReview(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  const { comment, ...review } = parsed.data;
  try {
    await actOnAccessLogReview(
      useCaseContext(c),
      c.req.param('id')!,
      command,
      command === 'record' ? review : { comment },
      versionOf(raw) ?? 0,
    );
  } catch (error) {
    const refused = refusal(p, error, (path) =>
      path === 'comment' ? (command === 'confirm' ? 'confirmComment' : 'returnComment') : path,
    );
    return showReview(c, values, refused.errors, refused.status);
  }
  return redirectWithNotice(c, `/access-log-reviews/${c.req.param('id')}`, 'saved');
}
