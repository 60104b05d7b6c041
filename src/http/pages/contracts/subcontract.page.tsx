import type { Context } from 'hono';
import { applyForSubdelegation } from '../../../domain/approvals/apply-for-subdelegation.js';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import { listOrganisations } from '../../../domain/organisations/list-organisations.js';
import { readRegister } from '../../../domain/registers/read-register.js';
import type { RegisterDocument } from '../../../domain/registers/register-document.js';
import { ForbiddenError } from '../../../domain/shared/errors.js';
import { toJapanDate } from '../../../domain/shared/japan-date.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { SubdelegationApplicationInput } from '../../schemas/approvals.js';
import {
  ChoiceGroup,
  Csrf,
  ErrorSummary,
  type Fields,
  type FormError,
  type FormValues,
  fieldId,
  fields,
  formErrors,
  SelectField,
  TextArea,
  TextField,
} from '../components/form.js';
import { readForm, refusal } from '../components/form-body.js';
import { mayDo } from '../guard.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { zodErrors } from './contract-form.js';
import { mediumText } from './register-view.js';
import { mediumValue, subcontractInputFrom } from './subcontract-form.js';

function Picker({ p, f, doc }: { p: PageCtx; f: Fields; doc: RegisterDocument }) {
  const t = p.t.subcontract;
  return (
    <fieldset class="field" id={fieldId('pick')} aria-describedby={`${fieldId('pick')}-hint`}>
      <legend>{t.items}</legend>
      <span class="hint" id={`${fieldId('pick')}-hint`}>
        {t.itemsHint}
      </span>
      {f.errors('pick').map((e) => (
        <p class="field-error">{e}</p>
      ))}
      {doc.subjectGroups.map((g) => (
        <fieldset>
          <legend>{g.name}</legend>
          <div class="checks">
            {g.items.map((i) => (
              <label>
                <input type="checkbox" name="pick" value={i.key} checked={f.checked('pick', i.key)} />
                {t.pickLabel(g.name, i.name, p.t.register.directions[i.direction]!)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}

/** 再委託先を探す: a search (GET) among the companies the contractor may see, by name or 法人番号. */
function CompanySearch({ p, q, found, action }: { p: PageCtx; q: string; found: number; action: string }) {
  const t = p.t.companySearch;
  return (
    <section aria-labelledby="company-search" class="company-search">
      <h2 id="company-search">{t.legend}</h2>
      <form method="get" action={action}>
        <div class="field">
          <label for="f-q">{t.label}</label>
          <span class="hint" id="f-q-hint">
            {t.hint}
          </span>
          <input id="f-q" name="q" type="search" value={q} aria-describedby="f-q-hint" maxlength={100} />
        </div>
        <div class="actions">
          <button type="submit">{t.button}</button>
          {q && <a href={action}>{t.clear}</a>}
        </div>
        {q && <p role="status">{found ? t.found(found, q) : t.none(q)}</p>}
      </form>
    </section>
  );
}

async function showForm(
  c: Context<AppEnv>,
  values: FormValues | undefined,
  errors: FormError[],
  status = 200,
) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const parent = await getContract(ctx, c.req.param('id')!);
  const register = await readRegister(ctx, parent.id);
  const t = p.t.subcontract;
  // The companies it works with (the rules in SQL decide), searched by name or 法人番号: it names
  // any other by corporate number.
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const partners = (
    await listOrganisations(ctx, { kind: 'company', q: q || undefined, limit: 200 })
  ).items.filter((c) => c.id !== ctx.actor.organisationId);
  const f = fields(
    values ?? {
      mode: partners.length ? 'existing' : 'new',
      ...(q && partners.length === 1 && { subcontractorId: partners[0]!.id }),
      portion: 'part',
      title: `${parent.title}（再委託）`,
      // work may not start before the approval (「業務の着手前に」): today at the earliest
      periodFrom: [parent.periodFrom, toJapanDate(ctx.now())].sort().at(-1),
      periodTo: parent.periodTo,
    },
    errors,
  );
  const option = (value: string, label: string) => ({ value, label });
  return sendPage(
    c,
    <Layout p={p} title={t.title(parent.title)}>
      <ErrorSummary p={p} f={f} />
      <p>{t.intro}</p>
      <CompanySearch p={p} q={q} found={partners.length} action={`/contracts/${parent.id}/subcontract/new`} />
      <form method="post" action={`/contracts/${parent.id}/subcontract/new`} novalidate>
        <Csrf p={p} />
        <fieldset>
          <legend>{t.who}</legend>
          <ChoiceGroup
            p={p}
            f={f}
            name="mode"
            legend={t.mode}
            type="radio"
            options={['existing', 'new'].map((m) => option(m, t.modes[m]!))}
          />
          {partners.length ? (
            <SelectField
              p={p}
              f={f}
              name="subcontractorId"
              label={t.orgId}
              hint={t.orgIdHint}
              blank=""
              options={partners.map((c) => option(c.id, c.name))}
            />
          ) : (
            <p class="hint">{t.noPartners}</p>
          )}
          <TextField
            p={p}
            f={f}
            name="newCorporateNumber"
            label={t.newCorporateNumber}
            hint={t.newCorporateNumberHint}
            inputmode="numeric"
            short
          />
          <TextField p={p} f={f} name="newName" label={t.newName} />
          <TextField p={p} f={f} name="newAddress" label={t.newAddress} />
        </fieldset>
        <TextField p={p} f={f} name="title" label={t.subject} />
        <TextArea p={p} f={f} name="reason" label={t.reason} required />
        <TextArea p={p} f={f} name="scope" label={t.scope} required />
        <ChoiceGroup
          p={p}
          f={f}
          name="portion"
          legend={t.portion}
          type="radio"
          options={['part', 'main', 'whole'].map((m) => option(m, t.portions[m]!))}
        />
        <Picker p={p} f={f} doc={register.document} />
        <ChoiceGroup
          p={p}
          f={f}
          name="medium"
          legend={t.media}
          options={register.document.media.map((m) => option(mediumValue(m), mediumText(p, m)))}
        />
        <TextArea
          p={p}
          f={f}
          name="safetyMeasures"
          label={t.safetyMeasures}
          hint={p.t.contracts.fields.linesHint}
          required
        />
        <TextArea p={p} f={f} name="supervisionMethod" label={t.supervisionMethod} required />
        <TextField p={p} f={f} name="periodFrom" label={t.periodFrom} type="date" required short />
        <TextField p={p} f={f} name="periodTo" label={t.periodTo} type="date" required short />
        <div class="actions">
          <button type="submit">{t.apply}</button>
          <a href={`/contracts/${parent.id}`}>{p.t.common.cancel}</a>
        </div>
      </form>
    </Layout>,
    status,
  );
}

/** 再委託の承認申請 (the form): the contractor of the contract only — the use case checks it again. */
export async function subcontractPage(c: Context<AppEnv>) {
  const ctx = useCaseContext(c);
  const parent = await getContract(ctx, c.req.param('id')!);
  mayDo(c, 'create', 'Approval', { applicantOrgId: ctx.actor.organisationId, kind: 'subdelegation' });
  if (parent.contractorOrgId !== ctx.actor.organisationId) {
    throw new ForbiddenError({
      en: 'Only the contractor of this contract may apply to sub-contract it',
      ja: 'この契約の受託者のみが再委託を申請できます',
    });
  }
  return showForm(c, undefined, []);
}

export async function subcontractAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const values = await readForm(c);
  const parent = await getContract(ctx, c.req.param('id')!);
  const register = await readRegister(ctx, parent.id);
  const { input, errors, toField } = subcontractInputFrom(p, values, register.document);
  const parsed = SubdelegationApplicationInput.safeParse(input);
  if (!parsed.success || errors.length) {
    const schema = parsed.success ? [] : formErrors(p, zodErrors(parsed.error), toField);
    return showForm(c, values, [...errors, ...schema], 422);
  }
  try {
    const approval = await applyForSubdelegation(ctx, parent.id, parsed.data);
    return redirectWithNotice(c, `/approvals/${approval.id}`, 'applied');
  } catch (error) {
    const refused = refusal(p, error, toField);
    return showForm(c, values, refused.errors, refused.status);
  }
}
