import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import { japanToday } from '../../../domain/inspections/inspection-access.js';
import { planInspection } from '../../../domain/inspections/plan-inspection.js';
import { ForbiddenError, ValidationError } from '../../../domain/shared/errors.js';
import { readContractSupervision } from '../../../domain/supervision/read-supervision.js';
import { requestReport } from '../../../domain/supervision/request-report.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { requiredText, text } from '../../schemas/common.js';
import { DateText as DateSchema } from '../../schemas/contracts.js';
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
import { firstValue, readForm, refusal } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

const RequestForm = z.object({
  topic: requiredText(200),
  detail: text(3000).transform((s) => s.trim() || null),
  dueOn: DateSchema,
});
const FIELDS = ['topic', 'detail', 'dueOn'];
const PlanForm = z.object({ templateKey: requiredText(40), plannedOn: DateSchema });

async function showForm(c: Context<AppEnv>, values: FormValues, errors: FormError[], status = 200) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const contract = await getContract(ctx, c.req.param('id')!);
  const names = await organisationNames(ctx, [contract.contractorOrgId]);
  const t = p.t.supervision;
  const f = fields(values, errors);
  return sendPage(
    c,
    <Layout p={p} title={t.newTitle}>
      <p>{t.newIntro(contract.title, names.get(contract.contractorOrgId) ?? '—')}</p>
      <form method="post" action={`/contracts/${contract.id}/report-requests/new`} novalidate>
        <ErrorSummary p={p} f={f} />
        <Csrf p={p} />
        <TextField p={p} f={f} name="topic" label={t.fields.topic} required />
        <TextArea p={p} f={f} name="detail" label={t.fields.detail} rows={4} />
        <TextField p={p} f={f} name="dueOn" label={t.fields.dueOn} type="date" short required />
        <div class="actions">
          <button type="submit">{t.submit}</button>{' '}
          <a href={`/contracts/${contract.id}`}>{p.t.common.cancel}</a>
        </div>
      </form>
    </Layout>,
    status,
  );
}

/** Only those who may ask this contract's company see the form (403 otherwise; 404 for an unreadable contract). */
async function mayAsk(c: Context<AppEnv>): Promise<boolean> {
  const ctx = useCaseContext(c);
  const contract = await getContract(ctx, c.req.param('id')!);
  return (await readContractSupervision(ctx, contract)).mayRequest;
}

export async function newReportRequestPage(c: Context<AppEnv>) {
  if (!(await mayAsk(c))) return forbidden(c);
  return showForm(c, { dueOn: japanToday(useCaseContext(c).now()) }, []);
}

export async function requestReportAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const raw = await readForm(c);
  const values: FormValues = Object.fromEntries(FIELDS.map((k) => [k, firstValue(raw[k])]));
  const parsed = RequestForm.safeParse(values);
  if (!parsed.success) return showForm(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    const record = await requestReport(useCaseContext(c), { contractId: c.req.param('id')!, ...parsed.data });
    return redirectWithNotice(c, `/report-requests/${record.id}`, 'created');
  } catch (error) {
    const refused = refusal(p, error, (path) => (path === 'organisationId' ? undefined : path));
    return showForm(c, values, refused.errors, refused.status);
  }
}

/** 再委託先の立入検査の予定 from the contract page's section: the contractor's own inspection. */
export async function planCompanyInspectionAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const raw = await readForm(c);
  const contractId = c.req.param('id')!;
  try {
    const parsed = PlanForm.safeParse({
      templateKey: firstValue(raw.templateKey),
      plannedOn: firstValue(raw.plannedOn),
    });
    if (!parsed.success)
      throw new ValidationError(
        { en: 'The plan is not valid', ja: '入力内容に誤りがあります' },
        zodErrors(parsed.error),
      );
    const planned = await planInspection(useCaseContext(c), { contractId, ...parsed.data });
    return redirectWithNotice(c, `/inspections/${planned.id}`, 'created');
  } catch (error) {
    const refused = refusal(p, error);
    return sendPage(
      c,
      <Layout p={p} title={p.t.supervision.planInspection}>
        <div class="error-summary" role="alert">
          <h2>{p.t.errors[refused.status] ?? ''}</h2>
          <ul>
            {refused.errors.map((e) => (
              <li>{e.text}</li>
            ))}
          </ul>
        </div>
        <p>
          <a href={`/contracts/${contractId}#supervision`}>{p.t.common.back}</a>
        </p>
      </Layout>,
      refused.status,
    );
  }
}

function forbidden(_c: Context<AppEnv>): never {
  throw new ForbiddenError({
    en: 'You may not ask this company for a report',
    ja: 'この会社に報告を求める権限がありません',
  });
}
