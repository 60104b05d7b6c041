import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { fileAdhocReport } from '../../../domain/operational-reports/operational-reports.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { requiredText, Uuid } from '../../schemas/common.js';
import {
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
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { activeContracts, ContractChoice } from './contract-choice.js';

const ADHOC_KINDS = ['trouble', 'urgent', 'consultation', 'staff_change'] as const;
const AdhocForm = z.object({
  contractId: Uuid,
  adhocKind: z.enum(ADHOC_KINDS),
  title: requiredText(200),
  body: requiredText(10000),
});
const FIELDS = ['contractId', 'adhocKind', 'title', 'body'];

async function showForm(c: Context<AppEnv>, values: FormValues, errors: FormError[], status = 200) {
  const p = pageCtx(c);
  const t = p.t.operations.reports;
  const f = fields(values, errors);
  const contracts = await activeContracts(useCaseContext(c));
  return sendPage(
    c,
    <Layout p={p} title={t.adhocTitle}>
      <p>{t.adhocIntro}</p>
      <form method="post" action="/operational-reports/new" novalidate>
        <ErrorSummary p={p} f={f} />
        <Csrf p={p} />
        <ContractChoice p={p} f={f} options={contracts} />
        <SelectField
          p={p}
          f={f}
          name="adhocKind"
          label={t.fields.adhocKind}
          options={ADHOC_KINDS.map((k) => ({ value: k, label: t.adhocKinds[k]! }))}
          blank=""
          required
        />
        <TextField p={p} f={f} name="title" label={t.fields.title} required />
        <TextArea p={p} f={f} name="body" label={t.fields.body} rows={6} required />
        <div class="actions">
          <button type="submit">{t.commands.submit}</button>{' '}
          <a href="/operational-reports">{p.t.common.cancel}</a>
        </div>
      </form>
    </Layout>,
    status,
  );
}

/** 随時報告 (the form), for the contractor. */
export const newAdhocReportPage = (c: Context<AppEnv>) =>
  showForm(c, { contractId: c.req.query('contractId') ?? '' }, []);

export async function fileAdhocReportAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const raw = await readForm(c);
  const values: FormValues = Object.fromEntries(FIELDS.map((k) => [k, firstValue(raw[k])]));
  const parsed = AdhocForm.safeParse(values);
  if (!parsed.success) return showForm(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    const report = await fileAdhocReport(useCaseContext(c), parsed.data);
    return redirectWithNotice(c, `/operational-reports/${report.id}`, 'created');
  } catch (error) {
    const refused = refusal(p, error);
    return showForm(c, values, refused.errors, refused.status);
  }
}
