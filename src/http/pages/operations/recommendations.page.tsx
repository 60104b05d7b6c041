import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ImprovementRecommendation } from '../../../domain/operational-reports/recommendation.repository.js';
import {
  actOnRecommendation,
  getRecommendation,
  type RecommendationCommand,
  recommendationActions,
  recommendImprovement,
} from '../../../domain/operational-reports/recommendations.js';
import { contractTitles } from '../../../domain/worklists/contract-titles.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { requiredText, text, Uuid } from '../../schemas/common.js';
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
import { firstValue, readForm, refusal, versionOf } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { activeContracts, ContractChoice } from './contract-choice.js';

export const RECOMMENDATION_COMMANDS: RecommendationCommand[] = ['answer', 'send-back', 'close'];

function ActionForm(props: {
  p: PageCtx;
  record: ImprovementRecommendation;
  command: RecommendationCommand;
  children?: unknown;
}) {
  const { p, record, command } = props;
  const label = p.t.operations.recommendations.commands[command]!;
  return (
    <form
      method="post"
      action={`/improvement-recommendations/${record.id}/${command}`}
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

async function showRecommendation(
  c: Context<AppEnv>,
  values: FormValues = {},
  errors: FormError[] = [],
  status = 200,
) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const record = await getRecommendation(ctx, c.req.param('id')!);
  const t = p.t.operations.recommendations;
  const [titles, orgs] = await Promise.all([
    contractTitles(ctx, [record.contractId]),
    organisationNames(ctx, [record.organisationId]),
  ]);
  const commands = recommendationActions(viewerOf(p), record);
  const f = fields(values, errors);
  const or = (s: string | null) => (s ? <span class="pre">{s}</span> : <span>{p.t.common.none}</span>);
  return sendPage(
    c,
    <Layout p={p} title={t.detailTitle(record.title)}>
      <ErrorSummary p={p} f={f} />
      <Details
        rows={
          [
            [
              t.fields.status,
              <span>
                <Badge status={record.status} label={t.status[record.status]} />{' '}
                {record.overdue && <Badge status="returned" label={p.t.operations.reports.overdue} />}
              </span>,
            ],
            [
              t.fields.contract,
              <a href={`/contracts/${record.contractId}`}>{titles.get(record.contractId) ?? '—'}</a>,
            ],
            [t.fields.organisation, orgs.get(record.organisationId) ?? '—'],
            [t.fields.recommendedAt, <TimeText at={record.recommendedAt} />],
            [t.fields.contents, or(record.contents)],
            [t.fields.dueOn, <DateText p={p} date={record.dueOn} />],
            [t.fields.measures, or(record.measures)],
            [t.fields.result, or(record.result)],
            [t.fields.answeredAt, <TimeText at={record.answeredAt} />],
            ...(record.sendBackComment ? [[t.fields.sendBackComment, or(record.sendBackComment)]] : []),
            ...(record.closedAt
              ? [
                  [t.fields.closedAt, <TimeText at={record.closedAt} />],
                  [t.fields.closingComment, or(record.closingComment)],
                ]
              : []),
          ] as never
        }
      />
      {commands.length > 0 && (
        <section aria-labelledby="recommendation-actions">
          <h2 id="recommendation-actions">{t.actions}</h2>
          {commands.includes('answer') && (
            <ActionForm p={p} record={record} command="answer">
              <TextArea p={p} f={f} name="measures" label={t.fields.measures} rows={4} required />
              <TextArea p={p} f={f} name="result" label={t.fields.result} rows={4} required />
            </ActionForm>
          )}
          {commands.includes('close') && (
            <ActionForm p={p} record={record} command="close">
              <TextArea p={p} f={f} name="closingComment" label={t.fields.closingComment} rows={2} />
            </ActionForm>
          )}
          {commands.includes('send-back') && (
            <ActionForm p={p} record={record} command="send-back">
              <TextArea
                p={p}
                f={f}
                name="sendBackComment"
                label={t.fields.sendBackComment}
                rows={2}
                required
              />
            </ActionForm>
          )}
        </section>
      )}
    </Layout>,
    status,
  );
}

export const recommendationDetailPage = (c: Context<AppEnv>) => showRecommendation(c);

const optional = (max: number) => text(max).transform((s) => s.trim() || null);
const StepForm = z.object({ measures: optional(10000), result: optional(10000), comment: optional(3000) });
const STEP_FIELDS = ['measures', 'result', 'closingComment', 'sendBackComment'];

/** 回答・再回答の依頼・完了; refusals come back beside the fields. */
export async function recommendationStepAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const command = RECOMMENDATION_COMMANDS.find((k) => k === c.req.param('command'));
  if (!command) return c.notFound();
  const raw = await readForm(c);
  const values: FormValues = Object.fromEntries(STEP_FIELDS.map((k) => [k, firstValue(raw[k])]));
  const parsed = StepForm.safeParse({
    measures: values.measures,
    result: values.result,
    comment: command === 'close' ? values.closingComment : values.sendBackComment,
  });
  if (!parsed.success) return showRecommendation(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    await actOnRecommendation(
      useCaseContext(c),
      c.req.param('id')!,
      command,
      parsed.data,
      versionOf(raw) ?? 0,
    );
  } catch (error) {
    const refused = refusal(p, error, (path) =>
      path === 'comment' ? (command === 'close' ? 'closingComment' : 'sendBackComment') : path,
    );
    return showRecommendation(c, values, refused.errors, refused.status);
  }
  return redirectWithNotice(c, `/improvement-recommendations/${c.req.param('id')}`, 'saved');
}

const RecommendForm = z.object({
  contractId: Uuid,
  title: requiredText(200),
  contents: requiredText(10000),
  dueOn: DateSchema,
});
const FIELDS = ['contractId', 'title', 'contents', 'dueOn'];

async function showNew(c: Context<AppEnv>, values: FormValues, errors: FormError[], status = 200) {
  const p = pageCtx(c);
  const t = p.t.operations.recommendations;
  const f = fields(values, errors);
  const contracts = await activeContracts(useCaseContext(c));
  return sendPage(
    c,
    <Layout p={p} title={t.recommendTitle}>
      <p>{t.intro}</p>
      <form method="post" action="/improvement-recommendations/new" novalidate>
        <ErrorSummary p={p} f={f} />
        <Csrf p={p} />
        <ContractChoice p={p} f={f} options={contracts} />
        <TextField p={p} f={f} name="title" label={t.fields.title} required />
        <TextArea p={p} f={f} name="contents" label={t.fields.contents} rows={6} required />
        <TextField p={p} f={f} name="dueOn" label={t.fields.dueOn} type="date" short required />
        <div class="actions">
          <button type="submit">{t.submit}</button>{' '}
          <a href="/improvement-recommendations">{p.t.common.cancel}</a>
        </div>
      </form>
    </Layout>,
    status,
  );
}

/** 改善勧告 (the form), for the city's signers. */
export const newRecommendationPage = (c: Context<AppEnv>) =>
  showNew(c, { contractId: c.req.query('contractId') ?? '' }, []);

export async function recommendAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const raw = await readForm(c);
  const values: FormValues = Object.fromEntries(FIELDS.map((k) => [k, firstValue(raw[k])]));
  const parsed = RecommendForm.safeParse(values);
  if (!parsed.success) return showNew(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    const record = await recommendImprovement(useCaseContext(c), parsed.data);
    return redirectWithNotice(c, `/improvement-recommendations/${record.id}`, 'created');
  } catch (error) {
    const refused = refusal(p, error);
    return showNew(c, values, refused.errors, refused.status);
  }
}
