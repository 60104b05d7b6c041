import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { japanToday } from '../../../domain/inspections/inspection-access.js';
import {
  actOnReportRequest,
  getReportRequest,
  isOverdue,
  type ReportRequestCommand,
  reportRequestActions,
} from '../../../domain/supervision/read-report-requests.js';
import type { ReportRequest } from '../../../domain/supervision/report-request.repository.js';
import { contractTitles } from '../../../domain/worklists/contract-titles.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { text } from '../../schemas/common.js';
import { Badge, DateText, Details, TimeText } from '../components/common.js';
import {
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  formErrors,
  TextArea,
} from '../components/form.js';
import { firstValue, readForm, refusal, versionOf } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import {
  AnswerFileFields,
  AttachmentList,
  fileNames,
  MAX_ANSWER_FILES,
  postedFiles,
  storeAnswerFiles,
} from './answer-files.js';

export const REPORT_REQUEST_COMMANDS: readonly ReportRequestCommand[] = [
  'answer',
  'accept',
  'send-back',
  'withdraw',
];

function ActionForm({
  p,
  record,
  command,
  children,
}: {
  p: PageCtx;
  record: ReportRequest;
  command: ReportRequestCommand;
  children?: unknown;
}) {
  const t = p.t.supervision;
  return (
    <form
      method="post"
      action={`/report-requests/${record.id}/${command}`}
      novalidate
      class="decision"
      aria-label={t.commands[command]}
      enctype={command === 'answer' ? 'multipart/form-data' : undefined}
    >
      <h3>{t.commands[command]}</h3>
      <Csrf p={p} />
      <input type="hidden" name="version" value={String(record.version)} />
      {children as never}
      <div class="actions">
        <button
          type="submit"
          class={command === 'withdraw' || command === 'send-back' ? 'danger' : undefined}
          data-confirm={t.confirm[command]}
        >
          {t.commands[command]}
        </button>
      </div>
    </form>
  );
}

async function showRequest(
  c: Context<AppEnv>,
  values: FormValues = {},
  errors: FormError[] = [],
  status = 200,
) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const record = await getReportRequest(ctx, c.req.param('id')!);
  const t = p.t.supervision;
  const [titles, orgNames] = await Promise.all([
    contractTitles(ctx, [record.contractId]),
    organisationNames(ctx, [record.requesterOrgId, record.subjectOrgId]),
  ]);
  const commands = reportRequestActions(viewerOf(p), record);
  // a request sent back is answered again with its files still attached, unless untaken
  const shown =
    Object.keys(values).length || !commands.includes('answer')
      ? values
      : { text: record.answerText ?? '', attachmentIds: record.answerAttachmentIds };
  const f = fields(shown, errors);
  const names = await fileNames(ctx, [...record.answerAttachmentIds, ...f.values('attachmentIds')]);
  const or = (s: string | null) => (s ? <span class="pre">{s}</span> : <span>{p.t.common.none}</span>);
  const overdue = isOverdue(record, japanToday(ctx.now()));
  return sendPage(
    c,
    <Layout p={p} title={t.detailTitle(record.topic)}>
      <ErrorSummary p={p} f={f} />
      <Details
        rows={[
          [
            t.fields.status,
            <span>
              <Badge
                status={record.status === 'accepted' ? 'approved' : record.status}
                label={t.status[record.status]}
              />{' '}
              {overdue && <Badge status="rejected" label={t.overdue} />}
            </span>,
          ],
          [
            t.fields.contract,
            <a href={`/contracts/${record.contractId}`}>{titles.get(record.contractId) ?? '—'}</a>,
          ],
          [t.fields.requester, orgNames.get(record.requesterOrgId) ?? '—'],
          [t.fields.subject, orgNames.get(record.subjectOrgId) ?? '—'],
          [t.fields.topic, record.topic],
          [t.fields.detail, or(record.detail)],
          [t.fields.dueOn, <DateText p={p} date={record.dueOn} />],
          [t.fields.requestedAt, <TimeText at={record.requestedAt} />],
          [t.fields.answer, or(record.answerText)],
          [t.fields.answeredAt, record.answeredAt ? <TimeText at={record.answeredAt} /> : p.t.common.none],
          [t.fields.attachments, <AttachmentList p={p} ids={record.answerAttachmentIds} names={names} />],
          [t.fields.reviewComment, or(record.reviewComment)],
        ]}
      />
      {commands.length > 0 && (
        <section aria-labelledby="report-request-actions">
          <h2 id="report-request-actions">{t.actions}</h2>
          {commands.includes('answer') && (
            <ActionForm p={p} record={record} command="answer">
              <TextArea p={p} f={f} name="text" label={t.fields.answer} rows={6} required />
              <AnswerFileFields p={p} f={f} names={names} />
            </ActionForm>
          )}
          {commands.includes('accept') && (
            <ActionForm p={p} record={record} command="accept">
              <TextArea p={p} f={f} name="comment" label={p.t.common.commentOptional} rows={2} />
            </ActionForm>
          )}
          {commands.includes('send-back') && (
            <ActionForm p={p} record={record} command="send-back">
              <TextArea p={p} f={f} name="sendBackComment" label={p.t.common.comment} rows={2} required />
            </ActionForm>
          )}
          {commands.includes('withdraw') && <ActionForm p={p} record={record} command="withdraw" />}
        </section>
      )}
    </Layout>,
    status,
  );
}

export const reportRequestDetailPage = (c: Context<AppEnv>) => showRequest(c);

const optional = (max: number) => text(max).transform((s) => s.trim() || null);
const StepForm = z.object({ text: optional(10000), comment: optional(3000) });

/** 報告・受理・差戻し・取下げ; refusals come back beside the fields. An answer's new files are
 * stored first and kept ticked on a refused attempt, so they are not sent twice. */
export async function reportRequestStepAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const command = REPORT_REQUEST_COMMANDS.find((k) => k === c.req.param('command'));
  if (!command) return c.notFound();
  const raw = await readForm(c);
  const values: FormValues = Object.fromEntries(
    ['text', 'comment', 'sendBackComment'].map((k) => [k, firstValue(raw[k])]),
  );
  const kept = raw.attachmentIds;
  // the files stored by an earlier attempt; the use case checks each is the answerer's own
  const attachmentIds = (Array.isArray(kept) ? kept : kept ? [kept] : []).filter((id) => UUID.test(id));
  values.attachmentIds = attachmentIds;
  const parsed = StepForm.safeParse({ text: values.text, comment: values.comment || values.sendBackComment });
  if (!parsed.success) return showRequest(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    if (command === 'answer') {
      const record = await getReportRequest(ctx, c.req.param('id')!);
      const files = await postedFiles(c);
      if (files.length && reportRequestActions(viewerOf(p), record).includes('answer')) {
        if (attachmentIds.length + files.length > MAX_ANSWER_FILES) {
          const tooMany = {
            ja: `添付できるファイルは${MAX_ANSWER_FILES}件までです`,
            en: `At most ${MAX_ANSWER_FILES} files`,
          };
          return showRequest(c, values, [{ field: 'files', text: p.msg(tooMany) }], 422);
        }
        attachmentIds.push(...(await storeAnswerFiles(ctx, files, record.wardId)));
      }
    }
    await actOnReportRequest(
      ctx,
      c.req.param('id')!,
      command,
      command === 'answer' ? { ...parsed.data, attachmentIds } : parsed.data,
      versionOf(raw) ?? 0,
    );
  } catch (error) {
    const refused = refusal(p, error, (path) =>
      path === 'comment' && command === 'send-back'
        ? 'sendBackComment'
        : path === 'file' || path.startsWith('attachmentIds')
          ? 'files'
          : path,
    );
    return showRequest(c, values, refused.errors, refused.status);
  }
  return redirectWithNotice(c, `/report-requests/${c.req.param('id')}`, 'saved');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
