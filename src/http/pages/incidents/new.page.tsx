import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { listContracts } from '../../../domain/contracts/list-contracts.js';
import { reportIncident } from '../../../domain/incidents/report-incident.js';
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
import { readForm, refusal } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { mayDo } from '../guard.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** A datetime-local value (2026-11-20T10:30), taken as Japan time. */
const LocalTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a date and time')
  .refine((s) => !Number.isNaN(new Date(`${s}:00+09:00`).getTime()), 'a date and time')
  .transform((s) => new Date(`${s}:00+09:00`).toISOString());

/** The fields POST /api/v1/incidents takes, as a form sends them. */
const IncidentForm = z.object({
  contractId: Uuid,
  information: requiredText(2000),
  recordCount: z
    .string()
    .trim()
    .transform((s) => s.replace(/[,，]/g, ''))
    .pipe(z.union([z.literal(''), z.string().regex(/^\d{1,9}$/, 'a whole number')]))
    .transform((s) => (s === '' ? null : Number(s))),
  location: requiredText(1000),
  circumstances: requiredText(5000),
  occurredAt: z.union([z.literal('').transform(() => null), LocalTime]),
  discoveredAt: LocalTime,
});

const FIELDS = [
  'contractId',
  'information',
  'recordCount',
  'location',
  'circumstances',
  'occurredAt',
  'discoveredAt',
];

async function showForm(c: Context<AppEnv>, values: FormValues, errors: FormError[], status = 200) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const t = p.t.reports.incidents;
  // only contracts the company itself carries out: the use case refuses any other
  const page = await listContracts(ctx, { limit: 100 });
  const options = page.items
    .filter((k) => k.contractorOrgId === ctx.actor.organisationId && k.status !== 'draft')
    .map((k) => ({ value: k.id, label: k.title }));
  const f = fields(values, errors);
  return sendPage(
    c,
    <Layout p={p} title={t.reportTitle}>
      <p>{t.reportIntro}</p>
      {options.length === 0 ? (
        <p>{t.noContracts}</p>
      ) : (
        <form method="post" action="/incidents/new" novalidate>
          <ErrorSummary p={p} f={f} />
          <Csrf p={p} />
          <SelectField
            p={p}
            f={f}
            name="contractId"
            label={t.fields.contractId}
            options={options}
            blank=""
            required
          />
          <TextArea
            p={p}
            f={f}
            name="information"
            label={t.fields.information}
            hint={t.fields.informationHint}
            rows={2}
            required
          />
          <TextField
            p={p}
            f={f}
            name="recordCount"
            label={t.fields.recordCount}
            hint={t.fields.recordCountHint}
            inputmode="numeric"
            short
          />
          <TextArea p={p} f={f} name="location" label={t.fields.location} rows={2} required />
          <TextArea p={p} f={f} name="circumstances" label={t.fields.circumstances} rows={5} required />
          <TextField
            p={p}
            f={f}
            name="occurredAt"
            label={t.fields.occurredAt}
            hint={t.fields.occurredAtHint}
            type="datetime-local"
            short
          />
          <TextField
            p={p}
            f={f}
            name="discoveredAt"
            label={t.fields.discoveredAt}
            type="datetime-local"
            required
            short
          />
          <div class="actions">
            <button type="submit">{t.submit}</button> <a href="/incidents">{p.t.common.cancel}</a>
          </div>
        </form>
      )}
    </Layout>,
    status,
  );
}

/** 事故の報告 (the form). Anyone of the company may report at once (直ちに報告). */
export async function newIncidentPage(c: Context<AppEnv>) {
  mayDo(c, 'create', 'Incident', { reportingOrgId: c.get('auth').actor.organisationId });
  return showForm(c, {}, []);
}

export async function reportIncidentAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  mayDo(c, 'create', 'Incident', { reportingOrgId: c.get('auth').actor.organisationId });
  const raw = await readForm(c);
  const values = Object.fromEntries(FIELDS.map((k) => [k, one(raw[k])]));
  const parsed = IncidentForm.safeParse(values);
  if (!parsed.success) return showForm(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    const incident = await reportIncident(useCaseContext(c), parsed.data);
    return redirectWithNotice(c, `/incidents/${incident.id}`, 'created');
  } catch (error) {
    // an unknown contract is the contract field's error, as the use case answers 404 for it
    if (error instanceof Error && 'status' in error && error.status === 404) {
      return showForm(c, values, [{ field: 'contractId', text: p.t.errors.notFoundDetail! }], 422);
    }
    const refused = refusal(p, error);
    return showForm(c, values, refused.errors, refused.status);
  }
}
