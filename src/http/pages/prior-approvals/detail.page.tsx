import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  actOnPriorApproval,
  PRIOR_APPROVAL_COMMANDS,
  type PriorApprovalCommand,
  priorApprovalActions,
} from '../../../domain/prior-approvals/act-on-prior-approval.js';
import { kindArticles } from '../../../domain/prior-approvals/kind-articles.js';
import type { PriorApproval } from '../../../domain/prior-approvals/prior-approval.repository.js';
import { getPriorApprovalWithSteps } from '../../../domain/prior-approvals/read-prior-approvals.js';
import { findContractProvisions } from '../../../domain/provisions/provisions.repository.js';
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
import { firstValue, readForm, refusal, versionOf } from '../components/form-body.js';
import { StampBoxes, StepLog } from '../components/sign-off.js';
import { zodErrors } from '../contracts/contract-form.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

function ActionForm({
  p,
  record,
  command,
  children,
}: {
  p: PageCtx;
  record: PriorApproval;
  command: PriorApprovalCommand;
  children?: unknown;
}) {
  const t = p.t.priorApprovals;
  return (
    <form
      method="post"
      action={`/prior-approvals/${record.id}/${command}`}
      novalidate
      class="decision"
      aria-label={t.commands[command]}
    >
      <h3>{t.commands[command]}</h3>
      <Csrf p={p} />
      <input type="hidden" name="version" value={String(record.version)} />
      {children as never}
      <div class="actions">
        <button
          type="submit"
          class={command === 'reject' || command === 'withdraw' ? 'danger' : undefined}
          data-confirm={t.confirm[command]}
        >
          {t.commands[command]}
        </button>
      </div>
    </form>
  );
}

async function showPriorApproval(
  c: Context<AppEnv>,
  values: FormValues = {},
  errors: FormError[] = [],
  status = 200,
) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const record = await getPriorApprovalWithSteps(ctx, c.req.param('id')!);
  // the article of this contract's own 特記事項, else the general reference
  const own = kindArticles(await findContractProvisions(ctx.db, record.wardId, record.contractId))[
    record.kind
  ];
  const t = p.t.priorApprovals;
  const [titles, orgs] = await Promise.all([
    contractTitles(ctx, [record.contractId]),
    organisationNames(ctx, [record.applicantOrgId]),
  ]);
  const commands = priorApprovalActions(viewerOf(p), record);
  const f = fields(values, errors);
  const or = (s: string | null) => (s ? <span class="pre">{s}</span> : <span>{p.t.common.none}</span>);
  const comment = <TextArea p={p} f={f} name="comment" label={p.t.common.commentOptional} rows={2} />;
  return sendPage(
    c,
    <Layout p={p} title={t.detailTitle(t.kinds[record.kind]!)}>
      <ErrorSummary p={p} f={f} />
      <Details
        rows={
          [
            [p.t.reports.columns.status, <Badge status={record.status} label={t.status[record.status]} />],
            [
              t.fields.contract,
              <a href={`/contracts/${record.contractId}`}>{titles.get(record.contractId) ?? '—'}</a>,
            ],
            [t.fields.applicant, orgs.get(record.applicantOrgId) ?? '—'],
            [t.fields.kind, t.kinds[record.kind]!],
            [t.fields.article, own ? p.msg(own) : t.articles[record.kind]!],
            [t.fields.needsApproval, record.needsApproval ? t.required : t.notRequired],
            [t.fields.reason, or(record.reason)],
            [t.fields.items, record.items.map((i) => `${i.group}：${i.name}`).join('、')],
            [t.fields.quantity, record.quantity === null ? p.t.common.none : String(record.quantity)],
            [
              t.fields.period,
              <span>
                <DateText p={p} date={record.periodFrom} />〜<DateText p={p} date={record.periodTo} />
              </span>,
            ],
            [t.fields.place, or(record.place)],
            ...(record.carrier ? [[t.fields.carrier, t.carriers[record.carrier]!] as [string, string]] : []),
            ...(record.recipient ? [[t.fields.recipient, or(record.recipient)] as [string, unknown]] : []),
            ...(record.kind === 'disposal'
              ? [
                  [t.fields.witnessRequired, record.witnessRequired ? t.witnessYes : t.witnessNo] as [
                    string,
                    string,
                  ],
                ]
              : []),
            [t.fields.appliedAt, <TimeText at={record.appliedAt} />],
            [t.fields.completedOn, <DateText p={p} date={record.completedOn} />],
            ...(record.method ? [[t.fields.method, or(record.method)] as [string, unknown]] : []),
            ...(record.witnessName
              ? [
                  [
                    t.fields.witnessName,
                    <span>
                      {record.witnessName}（<DateText p={p} date={record.witnessedOn} />）
                    </span>,
                  ] as [string, unknown],
                ]
              : []),
            ...(record.completionNote
              ? [[t.fields.note, or(record.completionNote)] as [string, unknown]]
              : []),
          ] as never
        }
      />
      {record.needsApproval && (
        <section aria-labelledby="stamps">
          <h2 id="stamps">{t.stamps}</h2>
          <StampBoxes p={p} boxes={record.stamps} />
        </section>
      )}
      {commands.length > 0 && (
        <section aria-labelledby="prior-approval-actions">
          <h2 id="prior-approval-actions">{t.actions}</h2>
          {commands.includes('approve') && (
            <ActionForm p={p} record={record} command="approve">
              {comment}
            </ActionForm>
          )}
          {commands.includes('send-back') && (
            <ActionForm p={p} record={record} command="send-back">
              <TextArea p={p} f={f} name="sendBackComment" label={p.t.common.comment} rows={2} required />
            </ActionForm>
          )}
          {commands.includes('reject') && (
            <ActionForm p={p} record={record} command="reject">
              <TextArea p={p} f={f} name="rejectComment" label={p.t.common.commentOptional} rows={2} />
            </ActionForm>
          )}
          {commands.includes('resubmit') && (
            <ActionForm p={p} record={record} command="resubmit">
              <TextArea p={p} f={f} name="reason" label={t.fields.reason} rows={3} />
              {comment}
            </ActionForm>
          )}
          {commands.includes('complete') && (
            <ActionForm p={p} record={record} command="complete">
              {record.witnessRequired && <p>{t.witnessNote}</p>}
              <TextField
                p={p}
                f={f}
                name="completedOn"
                label={t.fields.completedOn}
                type="date"
                short
                required
              />
              <TextArea
                p={p}
                f={f}
                name="method"
                label={t.fields.method}
                rows={2}
                required={record.kind === 'disposal'}
              />
              {record.kind === 'disposal' && (
                <>
                  <TextField
                    p={p}
                    f={f}
                    name="witnessName"
                    label={t.fields.witnessName}
                    required={record.witnessRequired}
                  />
                  <TextField
                    p={p}
                    f={f}
                    name="witnessedOn"
                    label={t.fields.witnessedOn}
                    type="date"
                    short
                    required={record.witnessRequired}
                  />
                </>
              )}
              <TextArea p={p} f={f} name="note" label={t.fields.note} rows={2} />
            </ActionForm>
          )}
          {commands.includes('withdraw') && <ActionForm p={p} record={record} command="withdraw" />}
        </section>
      )}
      <section aria-labelledby="steps">
        <h2 id="steps">{t.steps}</h2>
        <StepLog p={p} steps={record.steps} label={t.steps} decisions={t.decisions} />
      </section>
    </Layout>,
    status,
  );
}

export const priorApprovalDetailPage = (c: Context<AppEnv>) => showPriorApproval(c);

const optional = (max: number) => text(max).transform((s) => s.trim() || null);
const optionalDate = z.union([z.literal('').transform(() => null), DateSchema]);

const StepForm = z.object({
  comment: optional(3000),
  reason: optional(3000),
  completedOn: optionalDate,
  method: optional(2000),
  witnessName: optional(200),
  witnessedOn: optionalDate,
  note: optional(3000),
});
const FIELDS = [
  'comment',
  'sendBackComment',
  'rejectComment',
  'reason',
  'completedOn',
  'method',
  'witnessName',
  'witnessedOn',
  'note',
];

/** 承認・差戻し・不承認・再申請・取下げ・実施の記録; refusals come back beside the fields. */
export async function priorApprovalStepAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const command = PRIOR_APPROVAL_COMMANDS.find((k) => k === c.req.param('command'));
  if (!command) return c.notFound();
  const raw = await readForm(c);
  const values: FormValues = Object.fromEntries(FIELDS.map((k) => [k, firstValue(raw[k])]));
  const parsed = StepForm.safeParse({
    ...values,
    comment: values.comment || values.sendBackComment || values.rejectComment,
  });
  if (!parsed.success) return showPriorApproval(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    await actOnPriorApproval(
      useCaseContext(c),
      c.req.param('id')!,
      command,
      parsed.data,
      versionOf(raw) ?? 0,
    );
  } catch (error) {
    const refused = refusal(p, error, (path) =>
      path === 'comment' && command === 'send-back' ? 'sendBackComment' : path,
    );
    return showPriorApproval(c, values, refused.errors, refused.status);
  }
  const signed = command === 'approve' || command === 'send-back' || command === 'reject';
  return redirectWithNotice(c, `/prior-approvals/${c.req.param('id')}`, signed ? 'stepDone' : 'saved');
}
