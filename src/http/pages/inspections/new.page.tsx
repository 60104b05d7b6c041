import type { Context } from 'hono';
import { listContracts } from '../../../domain/contracts/list-contracts.js';
import { listTemplates } from '../../../domain/inspections/checklist-templates.js';
import { japanToday } from '../../../domain/inspections/inspection-access.js';
import { planInspection } from '../../../domain/inspections/plan-inspection.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { PlanBody } from '../../schemas/inspections.js';
import {
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  formErrors,
  SelectField,
  TextField,
} from '../components/form.js';
import { readForm, refusal } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { mayDo } from '../guard.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').trim();

/** The contracts in force the viewer may read, each naming the organisation it would inspect. */
async function targets(c: Context<AppEnv>) {
  const ctx = useCaseContext(c);
  const [active, ending] = await Promise.all([
    listContracts(ctx, { status: 'active', limit: 100 }),
    listContracts(ctx, { status: 'ending', limit: 100 }),
  ]);
  const contracts = [...active.items, ...ending.items];
  const names = await organisationNames(
    ctx,
    contracts.map((k) => k.contractorOrgId),
  );
  const p = pageCtx(c);
  return contracts.map((k) => ({
    value: k.id,
    label: `${names.get(k.contractorOrgId) ?? k.contractorOrgId}（${p.t.inspections.depth(k.depth)}）— ${k.title}`,
  }));
}

async function showForm(c: Context<AppEnv>, values: FormValues, errors: FormError[], status = 200) {
  const p = pageCtx(c);
  const t = p.t.inspections;
  const f = fields(values, errors);
  const [options, templates] = await Promise.all([targets(c), listTemplates(useCaseContext(c))]);
  // 様式の版: offered for the templates the ward has more than one version of (key@version)
  const versions = templates.flatMap((tpl) =>
    tpl.versions.length > 1
      ? tpl.versions.map((n) => ({
          value: `${tpl.key}@${n}`,
          label: t.templates.option(p.lang === 'ja' ? tpl.title : tpl.titleEn, n),
        }))
      : [],
  );
  return sendPage(
    c,
    <Layout p={p} title={t.planNew}>
      <ErrorSummary p={p} f={f} />
      <form method="post" action="/inspections" novalidate>
        <Csrf p={p} />
        <SelectField
          p={p}
          f={f}
          name="contractId"
          label={t.contract}
          options={options}
          blank=""
          hint={t.organisationHint}
          required
        />
        <SelectField
          p={p}
          f={f}
          name="templateKey"
          label={t.template}
          hint={t.templateHint}
          options={templates.map((tpl) => ({
            value: tpl.key,
            label: p.lang === 'ja' ? tpl.title : tpl.titleEn,
          }))}
          required
        />
        {versions.length > 0 && (
          <SelectField
            p={p}
            f={f}
            name="templateVersion"
            label={t.templates.field}
            hint={t.templates.fieldHint}
            options={versions}
            blank={t.templates.latest}
          />
        )}
        <TextField p={p} f={f} name="plannedOn" label={t.plannedOn} type="date" required short />
        <TextField p={p} f={f} name="place" label={t.place} hint={t.placeHint} />
        <div class="actions">
          <button type="submit">{t.planNew}</button>
          <a href="/inspections">{p.t.common.cancel}</a>
        </div>
      </form>
    </Layout>,
    status,
  );
}

/** 実地検査の予定登録 (the form); `?contractId=` comes from the due listing. */
export async function newInspectionPage(c: Context<AppEnv>) {
  mayDo(c, 'create', 'Inspection', { wardId: c.get('auth').actor.wardId });
  const today = japanToday(useCaseContext(c).now());
  return showForm(
    c,
    {
      contractId: c.req.query('contractId') ?? '',
      // from a template's page: 「第n版で実地検査を予定する」
      templateKey: c.req.query('templateKey') ?? 'toshima-protection',
      templateVersion: c.req.query('templateVersion') ?? '',
      plannedOn: today,
    },
    [],
  );
}

/** Plans the inspection through planInspection: the sections that apply are chosen there. */
export async function planInspectionAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  mayDo(c, 'create', 'Inspection', { wardId: c.get('auth').actor.wardId });
  const values = await readForm(c);
  const templateKey = one(values.templateKey);
  // "key@n" names a version of the chosen template; empty is its newest
  const chosen = one(values.templateVersion);
  const match = /^([a-z0-9-]+)@(\d{1,4})$/.exec(chosen);
  if (chosen && (!match || match[1] !== templateKey))
    return showForm(c, values, [{ field: 'templateVersion', text: p.t.inspections.templates.mismatch }], 422);
  const parsed = PlanBody.safeParse({
    contractId: one(values.contractId),
    templateKey,
    ...(match && { templateVersion: Number(match[2]) }),
    plannedOn: one(values.plannedOn),
    place: one(values.place) || null,
  });
  if (!parsed.success) return showForm(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    const planned = await planInspection(useCaseContext(c), parsed.data);
    return redirectWithNotice(c, `/inspections/${planned.id}`, 'created');
  } catch (error) {
    const refused = refusal(p, error, (path) => (path === 'organisationId' ? 'contractId' : path));
    return showForm(c, values, refused.errors, refused.status);
  }
}
