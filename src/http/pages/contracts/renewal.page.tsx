import type { Context } from 'hono';
import type { Contract } from '../../../domain/contracts/contract.repository.js';
import { contractActions } from '../../../domain/contracts/contract-actions.js';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import { MAX_RENEWALS, renewContract } from '../../../domain/contracts/renew-contract.js';
import { ConflictError, ForbiddenError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { RenewalSchema } from '../../schemas/contracts.js';
import { Lines } from '../components/common.js';
import {
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  TextField,
} from '../components/form.js';
import { firstValue, readForm, refusal } from '../components/form-body.js';
import { Layout } from '../layout.js';
import { pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { Overview } from './contract-overview.js';
import { namesFor } from './list.page.js';

// 契約の更新: the form of POST /api/v1/contracts/{id}/renew — the new number, date, period and
// amount — with what the successor carries over. Offered where the contract's allowedActions has
// 'renew'; the use case decides again, and its refusals come back at the top of this form.

const FIELDS = ['contractNumber', 'contractDate', 'periodFrom', 'periodTo', 'amountYen'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day after `date`, and a year from then less a day: the usual next fiscal year. */
function nextPeriod(date: string): { periodFrom: string; periodTo: string } {
  const from = new Date(`${date}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() + 1);
  const to = new Date(from);
  to.setUTCFullYear(to.getUTCFullYear() + 1);
  to.setUTCDate(to.getUTCDate() - 1);
  return { periodFrom: from.toISOString().slice(0, 10), periodTo: to.toISOString().slice(0, 10) };
}

/** The contract, when this viewer may renew it now; 403 otherwise (404 when they may not read it). */
async function renewable(c: Context<AppEnv>): Promise<Contract> {
  const p = pageCtx(c);
  const contract = await getContract(useCaseContext(c), c.req.param('id')!);
  if (!contractActions(viewerOf(p), contract).includes('renew'))
    throw new ForbiddenError({ en: 'You may not renew this contract now', ja: 'この契約は更新できません' });
  return contract;
}

async function showForm(
  c: Context<AppEnv>,
  contract: Contract,
  values: FormValues,
  errors: FormError[],
  status = 200,
  successorId?: string,
) {
  const p = pageCtx(c);
  const t = p.t.renewal;
  const f = fields(values, errors);
  const names = await namesFor(c, [contract]);
  return sendPage(
    c,
    <Layout p={p} title={t.title(contract.title)}>
      <ErrorSummary p={p} f={f} />
      {successorId && (
        <p>
          <a href={`/contracts/${successorId}`}>{t.renewedAlready}</a>
        </p>
      )}
      <p>{t.intro}</p>
      <p>{t.count(contract.renewalCount, MAX_RENEWALS)}</p>
      <section aria-labelledby="renew-current">
        <h2 id="renew-current">{t.current}</h2>
        <Overview p={p} k={contract} names={names} />
      </section>
      <section aria-labelledby="renew-carries">
        <h2 id="renew-carries">{t.carries}</h2>
        <Lines p={p} lines={t.carried} />
        <h3>{t.notCarried}</h3>
        <Lines p={p} lines={t.notCarriedItems} />
      </section>
      <section aria-labelledby="renew-form">
        <h2 id="renew-form">{t.newPeriod}</h2>
        <form method="post" action={`/contracts/${contract.id}/renew`} novalidate>
          <Csrf p={p} />
          <TextField
            p={p}
            f={f}
            name="contractNumber"
            label={p.t.contracts.fields.contractNumber}
            hint={p.t.contracts.fields.contractNumberHint}
          />
          <TextField
            p={p}
            f={f}
            name="contractDate"
            label={p.t.contracts.fields.contractDate}
            type="date"
            short
          />
          <TextField
            p={p}
            f={f}
            name="periodFrom"
            label={p.t.contracts.fields.periodFrom}
            hint={t.periodHint(contract.periodTo)}
            type="date"
            short
            required
          />
          <TextField
            p={p}
            f={f}
            name="periodTo"
            label={p.t.contracts.fields.periodTo}
            type="date"
            short
            required
          />
          <TextField
            p={p}
            f={f}
            name="amountYen"
            label={p.t.contracts.fields.amountYen}
            hint={t.amountHint}
            inputmode="numeric"
            short
          />
          <div class="actions">
            <button type="submit">{t.submit}</button>
            <a href={`/contracts/${contract.id}`}>{p.t.common.cancel}</a>
          </div>
        </form>
      </section>
    </Layout>,
    status,
  );
}

/** GET /contracts/:id/renew: the form, the next year's period filled in. */
export async function renewalPage(c: Context<AppEnv>) {
  const contract = await renewable(c);
  return showForm(c, contract, nextPeriod(contract.periodTo), []);
}

/** POST /contracts/:id/renew: renews through the use case and opens the new contract. */
export async function renewAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = p.t.renewal;
  const contract = await renewable(c);
  const raw = await readForm(c);
  const values: FormValues = Object.fromEntries(FIELDS.map((k) => [k, firstValue(raw[k]).trim()]));
  const v = (k: (typeof FIELDS)[number]) => values[k] as string;
  const errors: FormError[] = [];
  if (!DATE.test(v('periodFrom'))) errors.push({ field: 'periodFrom', text: t.required.periodFrom });
  if (!DATE.test(v('periodTo'))) errors.push({ field: 'periodTo', text: t.required.periodTo });
  if (v('contractDate') && !DATE.test(v('contractDate')))
    errors.push({ field: 'contractDate', text: t.required.contractDate });
  const amount = v('amountYen')
    .normalize('NFKC')
    .replace(/[,\s円]/g, '');
  if (amount && !/^\d{1,15}$/.test(amount))
    errors.push({ field: 'amountYen', text: p.t.contracts.amountInvalid });
  const parsed = RenewalSchema.safeParse({
    contractNumber: v('contractNumber') || null,
    contractDate: v('contractDate') || null,
    periodFrom: v('periodFrom'),
    periodTo: v('periodTo'),
    amountYen: amount ? Number(amount) : null,
  });
  if (errors.length || !parsed.success)
    return showForm(c, contract, values, errors.length ? errors : [{ text: p.t.errors[422]! }], 422);
  try {
    const successor = await renewContract(useCaseContext(c), contract.id, parsed.data);
    return redirectWithNotice(c, `/contracts/${successor.id}`, 'created');
  } catch (error) {
    const refused = refusal(p, error);
    const successorId =
      error instanceof ConflictError && typeof error.extra.successorId === 'string'
        ? error.extra.successorId
        : undefined;
    return showForm(c, contract, values, refused.errors, refused.status, successorId);
  }
}
