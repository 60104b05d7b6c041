import type { Context } from 'hono';
import { createContract, getContract, updateContract } from '../../../domain/contracts/manage-contracts.js';
import { listDepartments } from '../../../domain/organisations/departments.js';
import { listOrganisations } from '../../../domain/organisations/list-organisations.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { ContractPatchSchema, NewContract } from '../../schemas/contracts.js';
import { type FormError, type FormValues, fields } from '../components/form.js';
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { mayDo } from '../guard.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import {
  ContractForm,
  contractFormErrors,
  contractInputFrom,
  contractValues,
  zodErrors,
} from './contract-form.js';

async function options(c: Context<AppEnv>) {
  const ctx = useCaseContext(c);
  const wardId = ctx.actor.wardId;
  const [departments, companies] = await Promise.all([
    wardId ? listDepartments(ctx, wardId) : [],
    listOrganisations(ctx, { kind: 'company', limit: 200 }),
  ]);
  return {
    departments: departments.map((d) => ({ value: d.id, label: d.name })),
    companies: companies.items.map((o) => ({ value: o.id, label: o.name })),
  };
}

async function showForm(
  c: Context<AppEnv>,
  values: FormValues,
  errors: FormError[],
  target: { id: string; title: string } | undefined,
  status = 200,
) {
  const p = pageCtx(c);
  const t = p.t.contracts;
  const title = target ? t.editTitle(target.title) : t.newTitle;
  return sendPage(
    c,
    <Layout p={p} title={title}>
      <ContractForm
        p={p}
        f={fields(values, errors)}
        action={target ? `/contracts/${target.id}/edit` : '/contracts'}
        editing={Boolean(target)}
        {...(await options(c))}
      />
    </Layout>,
    status,
  );
}

/** 委託契約の登録 (the form). */
export async function newContractPage(c: Context<AppEnv>) {
  mayDo(c, 'create', 'Contract', { wardId: c.get('auth').actor.wardId });
  return showForm(c, { handlesPersonalInfo: 'true' }, [], undefined);
}

export async function createContractAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const values = await readForm(c);
  const { input, errors } = contractInputFrom(p, values);
  const parsed = NewContract.safeParse(input);
  if (!parsed.success || errors.length) {
    const schemaErrors = parsed.success ? [] : contractFormErrors(p, zodErrors(parsed.error), values);
    return showForm(c, values, [...errors, ...schemaErrors], undefined, 422);
  }
  try {
    const created = await createContract(useCaseContext(c), parsed.data);
    return redirectWithNotice(c, `/contracts/${created.id}`, 'created');
  } catch (error) {
    const refused = refusal(p, error, undefined, (e) => contractFormErrors(p, e, values));
    return showForm(c, values, refused.errors, undefined, refused.status);
  }
}

/** 委託契約の変更 (the form, filled in from the contract). */
export async function editContractPage(c: Context<AppEnv>) {
  const contract = await getContract(useCaseContext(c), c.req.param('id')!);
  mayDo(c, 'update', 'Contract', contract);
  return showForm(c, contractValues(contract), [], contract);
}

export async function updateContractAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const contract = await getContract(ctx, c.req.param('id')!);
  mayDo(c, 'update', 'Contract', contract);
  const values = await readForm(c);
  const { input, errors } = contractInputFrom(p, values);
  const { contractorOrgId: _fixed, ...patch } = input;
  const parsed = ContractPatchSchema.safeParse({ ...patch, version: versionOf(values) });
  if (!parsed.success || errors.length) {
    const schemaErrors = parsed.success ? [] : contractFormErrors(p, zodErrors(parsed.error), values);
    return showForm(c, values, [...errors, ...schemaErrors], contract, 422);
  }
  const { version, ...changes } = parsed.data;
  try {
    await updateContract(ctx, contract.id, changes, version ?? 0);
    return redirectWithNotice(c, `/contracts/${contract.id}`, 'saved');
  } catch (error) {
    const refused = refusal(p, error, undefined, (e) => contractFormErrors(p, e, values));
    return showForm(c, values, refused.errors, contract, refused.status);
  }
}
