import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import { getAttachment } from '../../../domain/attachments/get-attachment.js';
import { uploadAttachment } from '../../../domain/attachments/upload-attachment.js';
import type { Contract } from '../../../domain/contracts/contract.repository.js';
import { listContracts } from '../../../domain/contracts/list-contracts.js';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import { recordErasure } from '../../../domain/erasure/record-erasure.js';
import { ERASABLE_STATES } from '../../../domain/handover/custody.workflow.js';
import { listPackages } from '../../../domain/handover/read-packages.js';
import { readRegister } from '../../../domain/registers/read-register.js';
import { isAppError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { ErasureBody } from '../../schemas/erasure.js';
import { type FormError, type FormValues, fields, formErrors, SelectField } from '../components/form.js';
import { refusal } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { mayDo } from '../guard.js';
import { Layout } from '../layout.js';
import { pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { ErasureForm } from './erasure-form.js';
import { erasureInput } from './erasure-input.js';
import { listedPeople, peopleOptions, str, strs, toLocal } from './shared.js';

/** A record of this contract as the policy sees it (record-erasure.ts asks the same). */
const erasureRecord = (k: Contract) => ({
  wardId: k.wardId,
  organisationId: k.contractorOrgId,
  chainOrgIds: k.chainOrgIds,
});

/** The contracts the viewer's company holds and may record erasure for: active or ending. */
async function contractsToChoose(c: Context<AppEnv>): Promise<Contract[]> {
  const viewer = viewerOf(pageCtx(c));
  const page = await listContracts(useCaseContext(c), { limit: 100 });
  return page.items.filter(
    (k) =>
      (k.status === 'active' || k.status === 'ending') &&
      k.contractorOrgId === viewer.actor.organisationId &&
      viewer.ability.can('create', asSubject('ErasureRecord', erasureRecord(k))),
  );
}

async function showForm(
  c: Context<AppEnv>,
  values: FormValues,
  errors: FormError[] = [],
  status = 200,
  evidence: Array<{ id: string; filename: string }> = [],
) {
  const p = pageCtx(c);
  const t = p.t.handover;
  const ctx = useCaseContext(c);
  const f = fields(values, errors);
  const contract = str(values.contractId) ? await getContract(ctx, str(values.contractId)) : undefined;
  if (contract) mayDo(c, 'create', 'ErasureRecord', erasureRecord(contract));
  else {
    const contracts = await contractsToChoose(c);
    return sendPage(
      c,
      <Layout p={p} title={t.erasureNewTitle}>
        {contracts.length === 0 ? (
          <p>{t.noContracts}</p>
        ) : (
          <form method="get" action="/handover/erasures/new">
            <SelectField
              p={p}
              f={f}
              name="contractId"
              label={t.contractChoice}
              hint={t.contractChoiceHint}
              options={contracts.map((k) => ({ value: k.id, label: k.title }))}
              required
            />
            <button type="submit">{t.next}</button>
          </form>
        )}
      </Layout>,
      status,
    );
  }
  const [register, packages, people] = [
    await readRegister(ctx, contract.id),
    await listPackages(ctx, { contractId: contract.id, status: ERASABLE_STATES, limit: 50 }),
    await listedPeople(ctx, contract.id, contract.contractorOrgId),
  ];
  return sendPage(
    c,
    <Layout p={p} title={t.erasureNewTitle}>
      <ErasureForm
        p={p}
        f={f}
        contract={contract}
        doc={register.document}
        packages={packages.items.filter((x) => x.recipientOrgId === contract.contractorOrgId)}
        people={peopleOptions(p, people)}
        evidence={evidence}
      />
    </Layout>,
    status,
  );
}

/** 消去の記録: first the contract, then the record. */
export async function newErasurePage(c: Context<AppEnv>) {
  const contractId = c.req.query('contractId');
  const now = toLocal(useCaseContext(c).now());
  return showForm(c, contractId ? { contractId, erasedAt: now, scope: 'contract_end' } : {});
}

/**
 * Checks the form with the API's own schema (ErasureBody), uploads the evidence files through the
 * attachments use case, and records the erasure with recordErasure. A refusal shows the form again
 * with everything typed; evidence already uploaded is kept (by id) so it need not be chosen again.
 */
export async function recordErasureAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  const files: File[] = [];
  for (const [key, raw] of Object.entries(body)) {
    const list = Array.isArray(raw) ? raw : [raw];
    if (key === 'evidence') files.push(...list.filter((v): v is File => v instanceof File && v.size > 0));
    else if (key !== '_csrf') {
      const texts = list.filter((v): v is string => typeof v === 'string');
      if (texts.length) values[key] = texts.length === 1 ? texts[0] : texts;
    }
  }
  const contract = await getContract(ctx, str(values.contractId));
  const register = await readRegister(ctx, contract.id);
  const kept = await keptEvidence(c, strs(values.evidenceIds));
  const { body: input, toField } = erasureInput(
    values,
    register.document,
    contract.id,
    kept.map((e) => e.id),
  );
  const parsed = ErasureBody.safeParse(input);
  if (!parsed.success) return showForm(c, values, formErrors(p, zodErrors(parsed.error), toField), 422, kept);
  const evidence = [...kept];
  try {
    for (const file of files) {
      const uploaded = await uploadAttachment(ctx, {
        filename: file.name,
        declaredType: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
        purpose: file.type.startsWith('image/') ? 'photo' : 'other',
        wardId: contract.wardId,
      });
      evidence.push({ id: uploaded.id, filename: uploaded.filename });
    }
    const { erasedAt, ...rest } = parsed.data;
    const record = await recordErasure(ctx, {
      ...rest,
      evidenceAttachmentIds: evidence.map((e) => e.id),
      erasedAt: new Date(erasedAt),
    });
    return redirectWithNotice(c, `/handover/erasures/${record.id}`, 'saved');
  } catch (error) {
    const refused = refusal(p, error, (path) => (path === 'file' ? 'evidence' : toField(path)));
    return showForm(c, values, refused.errors, refused.status, evidence);
  }
}

/** Evidence uploaded by an earlier, refused attempt: only the viewer's own files, by id. */
async function keptEvidence(c: Context<AppEnv>, ids: string[]) {
  const kept: Array<{ id: string; filename: string }> = [];
  for (const id of ids.slice(0, 20)) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) continue;
    const a = await getAttachment(useCaseContext(c), id).catch((error) => {
      if (isAppError(error)) return null;
      throw error;
    });
    if (a && a.organisationId === viewerOf(pageCtx(c)).actor.organisationId)
      kept.push({ id: a.id, filename: a.filename });
  }
  return kept;
}
