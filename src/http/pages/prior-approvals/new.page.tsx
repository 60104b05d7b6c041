import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import { applyForPriorApproval } from '../../../domain/prior-approvals/apply-for-prior-approval.js';
import { kindArticles } from '../../../domain/prior-approvals/kind-articles.js';
import {
  PRIOR_APPROVAL_CARRIERS,
  PRIOR_APPROVAL_KINDS,
} from '../../../domain/prior-approvals/prior-approval-terms.js';
import { findContractProvisions } from '../../../domain/provisions/provisions.repository.js';
import { readRegister } from '../../../domain/registers/read-register.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { requiredText, text } from '../../schemas/common.js';
import { DateText as DateSchema } from '../../schemas/contracts.js';
import {
  ChoiceGroup,
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  formErrors,
  SelectField,
  TextArea,
  TextField,
} from '../components/form.js';
import { firstValue, readForm, refusal } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { mayDo } from '../guard.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The fields POST /api/v1/prior-approvals takes, as the form sends them. */
const ApplyForm = z.object({
  kind: z.enum(['copy', 'other_use', 'take_out', 'disposal']),
  reason: requiredText(3000),
  itemKeys: z.array(text(200)).max(200),
  quantity: z
    .string()
    .trim()
    .pipe(z.union([z.literal(''), z.string().regex(/^\d{1,7}$/, 'a whole number')]))
    .transform((s) => (s === '' ? null : Number(s))),
  periodFrom: DateSchema,
  periodTo: DateSchema,
  place: requiredText(1000),
  carrier: z.union([z.literal('').transform(() => null), z.enum(['paper', 'device', 'other'])]),
  recipient: text(1000).transform((s) => s.trim() || null),
});
const FIELDS = ['kind', 'reason', 'quantity', 'periodFrom', 'periodTo', 'place', 'carrier', 'recipient'];

async function showForm(c: Context<AppEnv>, values: FormValues, errors: FormError[], status = 200) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const contract = await getContract(ctx, c.req.param('id')!);
  const register = await readRegister(ctx, contract.id);
  // the articles of this contract's own 特記事項
  const own = kindArticles(await findContractProvisions(ctx.db, contract.wardId, contract.id));
  const t = p.t.priorApprovals;
  const f = fields(values, errors);
  return sendPage(
    c,
    <Layout p={p} title={t.applyTitle}>
      <p>{t.applyIntro(contract.title)}</p>
      <p>{t.sectionIntro}</p>
      <form method="post" action={`/contracts/${contract.id}/prior-approvals/new`} novalidate>
        <ErrorSummary p={p} f={f} />
        <Csrf p={p} />
        <SelectField
          p={p}
          f={f}
          name="kind"
          label={t.fields.kind}
          options={PRIOR_APPROVAL_KINDS.map((k) => ({
            value: k,
            label: `${t.kinds[k]}（${own[k] ? p.msg(own[k]) : t.articles[k]}）`,
          }))}
          blank=""
          required
        />
        <TextArea p={p} f={f} name="reason" label={t.fields.reason} rows={3} required />
        {register.document.subjectGroups.map((g, i) => (
          <ChoiceGroup
            p={p}
            f={f}
            name={i === 0 ? 'itemKeys' : `itemKeys-${i}`}
            legend={`${t.fields.items}：${g.name}`}
            options={g.items.map((item) => ({ value: item.key, label: item.name }))}
          />
        ))}
        <TextField p={p} f={f} name="quantity" label={t.fields.quantity} inputmode="numeric" short />
        <TextField p={p} f={f} name="periodFrom" label={t.fields.periodFrom} type="date" short required />
        <TextField p={p} f={f} name="periodTo" label={t.fields.periodTo} type="date" short required />
        <TextArea p={p} f={f} name="place" label={t.fields.place} rows={2} required />
        <SelectField
          p={p}
          f={f}
          name="carrier"
          label={t.fields.carrier}
          hint={t.fields.carrierHint}
          options={PRIOR_APPROVAL_CARRIERS.map((k) => ({ value: k, label: t.carriers[k]! }))}
          blank=""
        />
        <TextArea
          p={p}
          f={f}
          name="recipient"
          label={t.fields.recipient}
          hint={t.fields.recipientHint}
          rows={2}
        />
        <div class="actions">
          <button type="submit">{t.submit}</button>{' '}
          <a href={`/contracts/${contract.id}`}>{p.t.common.cancel}</a>
        </div>
      </form>
    </Layout>,
    status,
  );
}

const mayApply = (c: Context<AppEnv>) =>
  mayDo(c, 'create', 'PriorApproval', { applicantOrgId: c.get('auth').actor.organisationId });

/** 事前承認の申請・届出 (the form), for the company acting on this contract. */
export async function newPriorApprovalPage(c: Context<AppEnv>) {
  mayApply(c);
  return showForm(c, {}, []);
}

export async function applyPriorApprovalAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  mayApply(c);
  const raw = await readForm(c);
  // every subject group's checkboxes carry keys of the same register
  const itemKeys = Object.entries(raw)
    .filter(([k]) => k === 'itemKeys' || k.startsWith('itemKeys-'))
    .flatMap(([, v]) => many(v));
  const values: FormValues = { ...Object.fromEntries(FIELDS.map((k) => [k, firstValue(raw[k])])), itemKeys };
  for (const [k, v] of Object.entries(raw)) if (k.startsWith('itemKeys-')) values[k] = v;
  const parsed = ApplyForm.safeParse({ ...values, itemKeys });
  if (!parsed.success) return showForm(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    const record = await applyForPriorApproval(useCaseContext(c), {
      contractId: c.req.param('id')!,
      ...parsed.data,
    });
    return redirectWithNotice(c, `/prior-approvals/${record.id}`, 'created');
  } catch (error) {
    const refused = refusal(p, error, (path) => (path.startsWith('itemKeys') ? 'itemKeys' : path));
    return showForm(c, values, refused.errors, refused.status);
  }
}
