import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { OperationalReport } from '../../../domain/operational-reports/operational-report.repository.js';
import {
  actOnOperationalReport,
  getOperationalReport,
  type OperationalReportCommand,
  operationalReportActions,
} from '../../../domain/operational-reports/operational-reports.js';
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
import { StampBoxes, StepLog } from '../components/sign-off.js';
import { zodErrors } from '../contracts/contract-form.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { periodOf } from './report-list.page.js';

export const REPORT_COMMANDS: OperationalReportCommand[] = ['submit', 'receive', 'sign', 'return'];

function ActionForm(props: {
  p: PageCtx;
  report: OperationalReport;
  command: OperationalReportCommand;
  children?: unknown;
}) {
  const { p, report, command } = props;
  const label = p.t.operations.reports.commands[command]!;
  return (
    <form
      method="post"
      action={`/operational-reports/${report.id}/${command}`}
      novalidate
      class="decision"
      aria-label={label}
    >
      <h3>{label}</h3>
      <Csrf p={p} />
      <input type="hidden" name="version" value={String(report.version)} />
      {props.children as never}
      <div class="actions">
        <button type="submit" class={command === 'return' ? 'danger' : undefined}>
          {label}
        </button>
      </div>
    </form>
  );
}

async function showReport(
  c: Context<AppEnv>,
  values: FormValues = {},
  errors: FormError[] = [],
  status = 200,
) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const report = await getOperationalReport(ctx, c.req.param('id')!);
  const t = p.t.operations.reports;
  const [titles, orgs] = await Promise.all([
    contractTitles(ctx, [report.contractId]),
    organisationNames(ctx, [report.organisationId]),
  ]);
  const commands = operationalReportActions(viewerOf(p), report);
  const f = fields(
    {
      results: report.results ?? '',
      serviceLevel: report.serviceLevel ?? '',
      issues: report.issues ?? '',
      body: report.body ?? '',
      ...values,
    },
    errors,
  );
  const or = (s: string | null) => (s ? <span class="pre">{s}</span> : <span>{p.t.common.none}</span>);
  const periodic = report.kind !== 'adhoc';
  const comment = <TextArea p={p} f={f} name="comment" label={p.t.common.commentOptional} rows={2} />;
  return sendPage(
    c,
    <Layout p={p} title={t.detailTitle(t.kinds[report.kind]!)}>
      <ErrorSummary p={p} f={f} />
      <Details
        rows={
          [
            [
              t.fields.status,
              <span>
                <Badge status={report.status} label={t.status[report.status]} />{' '}
                {report.overdue && <Badge status="returned" label={t.overdue} />}
              </span>,
            ],
            [
              t.fields.contract,
              <a href={`/contracts/${report.contractId}`}>{titles.get(report.contractId) ?? '—'}</a>,
            ],
            [t.fields.organisation, orgs.get(report.organisationId) ?? '—'],
            [periodic ? t.fields.period : t.fields.adhocKind, periodOf(p, report)],
            ...(periodic ? [[t.fields.dueOn, <DateText p={p} date={report.dueOn} />]] : []),
            ...(report.title ? [[t.fields.title, report.title]] : []),
            [t.fields.results, or(report.results)],
            ...(report.kind === 'monthly' || report.kind === 'yearly'
              ? [
                  [t.fields.serviceLevel, or(report.serviceLevel)],
                  [t.fields.issues, or(report.issues)],
                ]
              : []),
            ...(report.kind === 'yearly' || report.kind === 'adhoc'
              ? [[report.kind === 'yearly' ? t.fields.training : t.fields.body, or(report.body)]]
              : []),
            [t.fields.submittedAt, <TimeText at={report.submittedAt} />],
            [t.fields.receivedOn, <DateText p={p} date={report.receivedOn} />],
            ...(report.returnComment ? [[t.fields.returnComment, or(report.returnComment)]] : []),
          ] as never
        }
      />
      {report.receiptOnly ? (
        <p>{t.receiptOnly}</p>
      ) : (
        <section aria-labelledby="stamps">
          <h2 id="stamps">{t.stamps}</h2>
          <StampBoxes p={p} boxes={report.stamps} />
        </section>
      )}
      {commands.length > 0 && (
        <section aria-labelledby="report-actions">
          <h2 id="report-actions">{t.actions}</h2>
          {commands.includes('submit') && (
            <ActionForm p={p} report={report} command="submit">
              {report.kind !== 'adhoc' && (
                <TextArea p={p} f={f} name="results" label={t.fields.results} rows={4} required />
              )}
              {(report.kind === 'monthly' || report.kind === 'yearly') && (
                <>
                  <TextArea p={p} f={f} name="serviceLevel" label={t.fields.serviceLevel} rows={3} required />
                  <TextArea p={p} f={f} name="issues" label={t.fields.issues} rows={3} />
                </>
              )}
              {(report.kind === 'yearly' || report.kind === 'adhoc') && (
                <TextArea
                  p={p}
                  f={f}
                  name="body"
                  label={report.kind === 'yearly' ? t.fields.training : t.fields.body}
                  rows={4}
                  required
                />
              )}
            </ActionForm>
          )}
          {commands.includes('receive') && (
            <ActionForm p={p} report={report} command="receive">
              {comment}
            </ActionForm>
          )}
          {commands.includes('sign') && (
            <ActionForm p={p} report={report} command="sign">
              {comment}
            </ActionForm>
          )}
          {commands.includes('return') && (
            <ActionForm p={p} report={report} command="return">
              <TextArea p={p} f={f} name="returnReason" label={t.fields.returnComment} rows={2} required />
            </ActionForm>
          )}
        </section>
      )}
      <section aria-labelledby="steps">
        <h2 id="steps">{t.steps}</h2>
        <StepLog p={p} steps={report.steps} label={t.steps} decisions={t.decisions} />
      </section>
    </Layout>,
    status,
  );
}

export const operationalReportDetailPage = (c: Context<AppEnv>) => showReport(c);

const optional = (max: number) => text(max).transform((s) => s.trim() || null);
const StepForm = z.object({
  results: optional(10000),
  serviceLevel: optional(10000),
  issues: optional(10000),
  body: optional(10000),
  comment: optional(3000),
});
const FIELDS = ['results', 'serviceLevel', 'issues', 'body', 'comment', 'returnReason'];

/** 提出・受付・決裁・差戻し; refusals come back beside the fields. */
export async function operationalReportStepAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const command = REPORT_COMMANDS.find((k) => k === c.req.param('command'));
  if (!command) return c.notFound();
  const raw = await readForm(c);
  const values: FormValues = Object.fromEntries(FIELDS.map((k) => [k, firstValue(raw[k])]));
  const parsed = StepForm.safeParse({ ...values, comment: values.comment || values.returnReason });
  if (!parsed.success) return showReport(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  const input =
    command === 'submit'
      ? {
          results: parsed.data.results,
          serviceLevel: parsed.data.serviceLevel,
          issues: parsed.data.issues,
          body: parsed.data.body,
        }
      : { comment: parsed.data.comment };
  try {
    await actOnOperationalReport(useCaseContext(c), c.req.param('id')!, command, input, versionOf(raw) ?? 0);
  } catch (error) {
    const refused = refusal(p, error, (path) =>
      path === 'comment' && command === 'return' ? 'returnReason' : path,
    );
    return showReport(c, values, refused.errors, refused.status);
  }
  return redirectWithNotice(
    c,
    `/operational-reports/${c.req.param('id')}`,
    command === 'submit' ? 'saved' : 'stepDone',
  );
}
