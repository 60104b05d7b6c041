import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import { listTemplates } from '../../../domain/inspections/checklist-templates.js';
import type { Inspection } from '../../../domain/inspections/inspection.repository.js';
import { inspectionRefuses } from '../../../domain/inspections/inspection.workflow.js';
import { listAssistantCandidates } from '../../../domain/inspections/plan-inspection.js';
import { getInspection } from '../../../domain/inspections/read-inspections.js';
import { updatePlan } from '../../../domain/inspections/update-plan.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { PlanPatchBody } from '../../schemas/inspections.js';
import {
  ChoiceGroup,
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  formErrors,
  SelectField,
  TextField,
} from '../components/form.js';
import { firstValue, readForm, refusal, versionOf } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { redirectWithNotice } from '../render.js';

/** What the plan form offers: nothing unless the viewer may change this inspection's plan now. */
export async function planFormData(c: Context<AppEnv>, i: Inspection) {
  // the plan is the 'lifecycle' field: an assistant may update the items, not the plan
  const mayPlan = c.get('auth').ability.can('update', asSubject('Inspection', i), 'lifecycle');
  if (!mayPlan || inspectionRefuses(i, { type: 'EDIT_PLAN', changesDate: false })) return undefined;
  const ctx = useCaseContext(c);
  const planned = i.status === 'planned';
  // a company's inspection of its sub-contractor (inspectingOrgId): no assistants, and the ward's
  // templates are not the company's to list — it keeps the template it planned with
  const ward = i.inspectingOrgId === null;
  const [candidates, templates] = await Promise.all([
    ward ? listAssistantCandidates(ctx, i) : Promise.resolve([]),
    planned && ward ? listTemplates(ctx) : Promise.resolve([]),
  ]);
  return { planned, candidates, templates };
}
export type PlanFormData = NonNullable<Awaited<ReturnType<typeof planFormData>>>;

export interface PlanFormState {
  values: FormValues;
  errors: FormError[];
}

/** 予定の変更: date and template before the start, place and assistants until it is submitted. */
export function PlanForm({
  p,
  inspection: i,
  data,
  state,
}: {
  p: PageCtx;
  inspection: Inspection;
  data: PlanFormData;
  state?: PlanFormState;
}) {
  const t = p.t.inspections;
  const f = fields(
    state?.values ?? {
      plannedOn: i.plannedOn,
      place: i.place ?? '',
      templateKey: i.templateKey,
      assistantIds: i.assistantIds,
    },
    state?.errors ?? [],
  );
  return (
    <section aria-labelledby="plan-title" id="plan">
      <h2 id="plan-title">{t.editPlan}</h2>
      <p class="hint">{t.editPlanHint}</p>
      <ErrorSummary p={p} f={f} />
      <form method="post" action={`/inspections/${i.id}/plan`} novalidate>
        <Csrf p={p} />
        <input type="hidden" name="version" value={String(i.version)} />
        {data.planned && (
          <>
            <TextField p={p} f={f} name="plannedOn" label={t.plannedOn} type="date" required short />
          </>
        )}
        {data.planned && data.templates.length > 0 && (
          <>
            <SelectField
              p={p}
              f={f}
              name="templateKey"
              label={t.template}
              hint={t.templateHint}
              options={data.templates.map((tpl) => ({
                value: tpl.key,
                label: p.lang === 'ja' ? tpl.title : tpl.titleEn,
              }))}
              required
            />
          </>
        )}
        <TextField p={p} f={f} name="place" label={t.place} hint={t.placeHint} />
        {data.candidates.length ? (
          <ChoiceGroup
            p={p}
            f={f}
            name="assistantIds"
            legend={t.assistants}
            hint={t.assistantsHint}
            options={data.candidates.map((u) => ({ value: u.id, label: u.name }))}
          />
        ) : (
          i.inspectingOrgId === null && <p class="hint">{t.noAssistantCandidates}</p>
        )}
        <div class="actions">
          <button type="submit">{t.savePlan}</button>
        </div>
      </form>
    </section>
  );
}

/**
 * Saves the plan through updatePlan (the PATCH's use case): only the fields the form showed are
 * sent, so a date or template is never "changed" on an inspection already started.
 */
export function planAction(
  show: (c: Context<AppEnv>, extra: { planForm: PlanFormState; status: number }) => Promise<Response>,
) {
  return async (c: Context<AppEnv>) => {
    const id = c.req.param('id')!;
    const values = await readForm(c);
    const one = (name: string) => firstValue(values[name]).trim();
    const raw = values.assistantIds;
    const assistantIds = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(Boolean);
    const body = {
      ...(values.plannedOn !== undefined && { plannedOn: one('plannedOn') }),
      ...(values.templateKey !== undefined && { templateKey: one('templateKey') }),
      place: one('place') || null,
      // no box ticked is no assistants: a checkbox group sends nothing then
      assistantIds,
      version: versionOf(values) ?? 0,
    };
    const p = pageCtx(c);
    const parsed = PlanPatchBody.safeParse(body);
    if (!parsed.success)
      return show(c, { planForm: { values, errors: formErrors(p, zodErrors(parsed.error)) }, status: 422 });
    const { version, ...changes } = parsed.data;
    try {
      const ctx = useCaseContext(c);
      const current = (await getInspection(ctx, id)).inspection;
      // a template the inspection already has is no change (and no new item rows)
      if (changes.templateKey === current.templateKey) delete changes.templateKey;
      await updatePlan(ctx, id, changes, version ?? 0);
    } catch (error) {
      const refused = refusal(p, error, (path) => (path.startsWith('assistantIds') ? 'assistantIds' : path));
      return show(c, { planForm: { values, errors: refused.errors }, status: refused.status });
    }
    return redirectWithNotice(c, `/inspections/${id}`, 'saved');
  };
}
