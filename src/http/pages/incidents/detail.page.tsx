import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import {
  actOnIncident,
  INCIDENT_COMMANDS,
  type IncidentCommand,
  incidentActions,
} from '../../../domain/incidents/act-on-incident.js';
import { breachRegisterHints } from '../../../domain/incidents/breach-register-hints.js';
import type { Incident } from '../../../domain/incidents/incident.repository.js';
import { lateReportOf } from '../../../domain/incidents/late-report.js';
import { getIncidentWithSteps } from '../../../domain/incidents/read-incidents.js';
import { toJapanDate } from '../../../domain/shared/japan-date.js';
import { contractTitles } from '../../../domain/worklists/contract-titles.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { text } from '../../schemas/common.js';
import { DateText as DateSchema } from '../../schemas/contracts.js';
import { Badge, DateText, Details, TimeText } from '../components/common.js';
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
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { StampBoxes, StepLog } from '../components/sign-off.js';
import { zodErrors } from '../contracts/contract-form.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { BreachSection, breachFormValues } from './breach-section.js';

function ActionForm({
  p,
  incident,
  command,
  title,
  children,
}: {
  p: PageCtx;
  incident: Incident;
  command: IncidentCommand;
  title: string;
  children?: unknown;
}) {
  const t = p.t.reports.incidents;
  return (
    <form
      method="post"
      action={`/incidents/${incident.id}/${command}`}
      novalidate
      class="decision"
      aria-label={title}
    >
      <h3>{title}</h3>
      <Csrf p={p} />
      <input type="hidden" name="version" value={String(incident.version)} />
      {children as never}
      <div class="actions">
        <button
          type="submit"
          class={command === 'send-back' ? 'danger' : undefined}
          data-confirm={t.confirm[command]}
        >
          {t.commands[command]}
        </button>
      </div>
    </form>
  );
}

/** The incident page, with what was typed and refused when a form comes back. */
export async function showIncident(
  c: Context<AppEnv>,
  values: FormValues = {},
  errors: FormError[] = [],
  status = 200,
) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const incident = await getIncidentWithSteps(ctx, c.req.param('id')!);
  const late = await lateReportOf(ctx.db, incident);
  const t = p.t.reports.incidents;
  const [titles, orgs, hints] = await Promise.all([
    contractTitles(ctx, [incident.contractId]),
    organisationNames(ctx, [incident.reportingOrgId]),
    breachRegisterHints(ctx, incident),
  ]);
  const title = titles.get(incident.contractId) ?? '—';
  const commands = incidentActions(viewer, incident);
  const f = fields(Object.keys(values).length ? values : breachFormValues(incident), errors);
  const pre = (s: string | null) => (s ? <span class="pre">{s}</span> : <span>{p.t.common.none}</span>);
  return sendPage(
    c,
    <Layout p={p} title={t.detailTitle(title)}>
      <ErrorSummary p={p} f={f} />
      <Details
        rows={[
          [p.t.reports.columns.status, <Badge status={incident.status} label={t.status[incident.status]} />],
          [t.fields.contractId, title],
          [t.fields.reportingOrg, orgs.get(incident.reportingOrgId) ?? '—'],
          [t.fields.reportedAt, <TimeText at={incident.reportedAt} />],
          // 報告の遅延, with the article of the contract's 特記事項 that requires the report at once
          ...(late
            ? [[t.fields.lateReport, <strong class="late">{p.msg(late)}</strong>] as [string, Child]]
            : []),
          [t.fields.information, pre(incident.information)],
          [t.fields.recordCount, t.records(incident.recordCount)],
          [t.fields.location, pre(incident.location)],
          [t.fields.circumstances, pre(incident.circumstances)],
          [t.fields.occurredAt, <TimeText at={incident.occurredAt} />],
          [t.fields.discoveredAt, <TimeText at={incident.discoveredAt} />],
          [t.fields.wardInstructions, pre(incident.wardInstructions)],
          [t.fields.response, pre(incident.response)],
          [t.fields.rootCause, pre(incident.rootCause)],
          [t.fields.prevention, pre(incident.prevention)],
          [
            t.fields.published,
            incident.published ? (
              <DateText p={p} date={incident.publishedOn} />
            ) : (
              <span>{t.notPublished}</span>
            ),
          ],
        ]}
      />
      <BreachSection
        p={p}
        incident={incident}
        f={f}
        commands={commands}
        today={toJapanDate(ctx.now())}
        hints={hints}
      />
      <section aria-labelledby="stamps">
        <h2 id="stamps">{p.t.reports.stamps}</h2>
        <StampBoxes p={p} boxes={incident.stamps} />
      </section>
      {commands.length > 0 && (
        <section aria-labelledby="incident-actions">
          <h2 id="incident-actions">{p.t.reports.actions}</h2>
          {commands.includes('instruct') && (
            <ActionForm p={p} incident={incident} command="instruct" title={t.instructTitle}>
              <TextArea p={p} f={f} name="instructions" label={t.fields.wardInstructions} rows={3} required />
            </ActionForm>
          )}
          {commands.includes('respond') && (
            <ActionForm p={p} incident={incident} command="respond" title={t.respondTitle}>
              <TextArea p={p} f={f} name="response" label={t.fields.response} rows={3} required />
              <TextArea p={p} f={f} name="rootCause" label={t.fields.rootCause} rows={3} required />
              <TextArea p={p} f={f} name="prevention" label={t.fields.prevention} rows={3} required />
            </ActionForm>
          )}
          {commands.includes('sign') && (
            <ActionForm p={p} incident={incident} command="sign" title={t.signTitle}>
              <TextArea p={p} f={f} name="comment" label={p.t.common.commentOptional} rows={2} />
            </ActionForm>
          )}
          {commands.includes('send-back') && (
            <ActionForm p={p} incident={incident} command="send-back" title={t.commands['send-back']!}>
              <TextArea p={p} f={f} name="sendBackComment" label={p.t.common.commentOptional} rows={2} />
            </ActionForm>
          )}
          {commands.includes('publish') && (
            <ActionForm p={p} incident={incident} command="publish" title={t.publishTitle}>
              <TextField
                p={p}
                f={f}
                name="publishedOn"
                label={t.fields.publishedOn}
                type="date"
                short
                required
              />
            </ActionForm>
          )}
        </section>
      )}
      <section aria-labelledby="steps">
        <h2 id="steps">{t.steps}</h2>
        <StepLog p={p} steps={incident.steps} label={t.steps} decisions={t.decisions} />
      </section>
    </Layout>,
    status,
  );
}

export const incidentDetailPage = (c: Context<AppEnv>) => showIncident(c);

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const optional = (max: number) => text(max).transform((s) => s.trim() || null);

/** The fields the API's steps take, as the forms send them. */
const StepForm = z.object({
  instructions: optional(5000),
  response: optional(5000),
  rootCause: optional(5000),
  prevention: optional(5000),
  comment: optional(3000),
  publishedOn: z.union([z.literal('').transform(() => null), DateSchema]),
});

/** 指示・対応報告・決裁・差戻し・公表; refusals come back beside the fields, typed text kept. */
export async function incidentStepAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const command = INCIDENT_COMMANDS.find((k) => k === c.req.param('command'));
  if (!command) return c.notFound();
  const raw = await readForm(c);
  const values: FormValues = Object.fromEntries(
    ['instructions', 'response', 'rootCause', 'prevention', 'comment', 'sendBackComment', 'publishedOn'].map(
      (k) => [k, one(raw[k])],
    ),
  );
  const parsed = StepForm.safeParse({ ...values, comment: values.comment || values.sendBackComment });
  if (!parsed.success) return showIncident(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    await actOnIncident(useCaseContext(c), c.req.param('id')!, command, parsed.data, versionOf(raw) ?? 0);
  } catch (error) {
    const refused = refusal(p, error);
    // a missing date of publication has no field path in the domain's answer
    const errors =
      command === 'publish' && !parsed.data.publishedOn
        ? refused.errors.map((e) => ({ ...e, field: 'publishedOn' }))
        : refused.errors;
    return showIncident(c, values, errors, refused.status);
  }
  return redirectWithNotice(c, `/incidents/${c.req.param('id')}`, command === 'sign' ? 'stepDone' : 'saved');
}
