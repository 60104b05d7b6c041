import type { Context } from 'hono';
import type { Contract } from '../../../domain/contracts/contract.repository.js';
import { terminateContract } from '../../../domain/contracts/transition-contract.js';
import type { ContractProvisions } from '../../../domain/provisions/provisions.repository.js';
import { toJapanDate } from '../../../domain/shared/japan-date.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import {
  Csrf,
  type FormError,
  type FormValues,
  fields,
  SelectField,
  TextArea,
  TextField,
} from '../components/form.js';
import { firstValue, readForm, refusal, versionOf } from '../components/form-body.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { redirectWithNotice } from '../render.js';
import { contractDetailPage } from './detail.page.js';

// 契約解除 on the contract page: the 課長 (the only one offered it, by allowedActions) records the
// reason, the article of the contract's own 特記事項 that was breached and the day; the same use
// case as POST /api/v1/contracts/{id}/terminate.

/** The form as typed, and what refused it, when it comes back. */
export interface TerminationForm {
  values: FormValues;
  errors: FormError[];
}

const FIELDS = ['reason', 'article', 'terminatedOn'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 「特記事項第14条」: how the article is recorded, as the API's example has it. */
const recorded = (label: string) => `特記事項${label}`;

export function TerminationSection({
  p,
  contract,
  provisions,
  today,
  form,
}: {
  p: PageCtx;
  contract: Contract;
  provisions: ContractProvisions | undefined;
  today: string;
  form?: TerminationForm;
}) {
  const t = p.t.termination;
  const f = fields(form?.values ?? { terminatedOn: today }, form?.errors ?? []);
  return (
    <section aria-labelledby="termination">
      <h2 id="termination">{t.title}</h2>
      <p>{t.intro}</p>
      <form method="post" action={`/contracts/${contract.id}/terminate`} novalidate>
        <Csrf p={p} />
        <input type="hidden" name="version" value={String(contract.version)} />
        <TextArea p={p} f={f} name="reason" label={t.reason} rows={3} required />
        {provisions ? (
          <SelectField
            p={p}
            f={f}
            name="article"
            label={t.article}
            hint={t.articleHint}
            options={provisions.template.articles.map((a) => ({
              value: recorded(a.label),
              label: a.heading ? `${a.label}（${a.heading}）` : a.label,
            }))}
            blank={t.chooseArticle}
            required
          />
        ) : (
          <TextField p={p} f={f} name="article" label={t.articleText} required />
        )}
        <TextField
          p={p}
          f={f}
          name="terminatedOn"
          label={t.terminatedOn}
          hint={t.terminatedOnHint}
          type="date"
          short
          required
        />
        <div class="actions">
          <button type="submit" class="danger" data-confirm={t.confirm}>
            {t.submit}
          </button>
        </div>
      </form>
    </section>
  );
}

/** POST /contracts/:id/terminate: a refusal comes back on the contract page, linked to its fields. */
export async function terminateAction(c: Context<AppEnv>) {
  const id = c.req.param('id')!;
  const p = pageCtx(c);
  const t = p.t.termination;
  const raw = await readForm(c);
  const values: FormValues = Object.fromEntries(FIELDS.map((k) => [k, firstValue(raw[k]).trim()]));
  const v = (k: (typeof FIELDS)[number]) => values[k] as string;
  const errors: FormError[] = FIELDS.filter((k) => (k === 'terminatedOn' ? !DATE.test(v(k)) : !v(k))).map(
    (k) => ({ field: k, text: t.required[k] }),
  );
  if (errors.length) return contractDetailPage(c, { text: '', status: 422, termination: { values, errors } });
  try {
    await terminateContract(
      useCaseContext(c),
      id,
      { reason: v('reason'), article: v('article'), terminatedOn: v('terminatedOn') },
      versionOf(raw) ?? 0,
    );
  } catch (error) {
    const refused = refusal(p, error);
    return contractDetailPage(c, {
      text: '',
      status: refused.status,
      termination: { values, errors: refused.errors },
    });
  }
  return redirectWithNotice(c, `/contracts/${id}`, 'saved');
}

/** Today in Japan, the form's default day. */
export const todayOf = (c: Context<AppEnv>) => toJapanDate(useCaseContext(c).now());
