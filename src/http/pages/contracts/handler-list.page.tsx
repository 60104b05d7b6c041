import type { Context } from 'hono';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import type { Handler } from '../../../domain/handlers/handler.repository.js';
import { ROLE_ORDER } from '../../../domain/handlers/handler-list.repository.js';
import { readHandlerLists, submitHandlerList } from '../../../domain/handlers/handler-lists.js';
import { listHandlers } from '../../../domain/handlers/manage-handlers.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { HandlerListInput } from '../../schemas/handlers.js';
import { DateText, TableWrap } from '../components/common.js';
import {
  Csrf,
  ErrorSummary,
  type Fields,
  type FormError,
  type FormValues,
  fieldId,
  fields,
  formErrors,
} from '../components/form.js';
import { readForm, refusal } from '../components/form-body.js';
import { mayDo } from '../guard.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { zodErrors } from './contract-form.js';

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

function HandlerRow({ p, f, h }: { p: PageCtx; f: Fields; h: Handler }) {
  const t = p.t.handlerLists;
  const n = (field: string) => `h.${h.id}.${field}`;
  const err = (field: string) =>
    f.errors(n(field)).map((e) => (
      <p class="field-error" id={`${fieldId(n(field))}-error`}>
        {e}
      </p>
    ));
  const aria = (field: string) =>
    f.errors(n(field)).length
      ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${fieldId(n(field))}-error` }
      : {};
  const pledge = h.pledges.at(-1);
  return (
    <tr>
      <td>
        {err('include')}
        <input
          type="checkbox"
          id={fieldId(n('include'))}
          name={n('include')}
          checked={f.checked(n('include'))}
          {...aria('include')}
        />
        <label class="sr-only" for={fieldId(n('include'))}>
          {t.includeLabel(h.fullName)}
        </label>
      </td>
      <th scope="row">{h.fullName}</th>
      <td>{h.jobTitle ?? '—'}</td>
      <td>
        <label class="sr-only" for={fieldId(n('role'))}>{`${h.fullName} ${t.role}`}</label>
        {err('role')}
        <select id={fieldId(n('role'))} name={n('role')} {...aria('role')}>
          {ROLE_ORDER.map((r) => (
            <option value={r} selected={f.value(n('role')) === r}>
              {p.t.roles.handler[r]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <label class="sr-only" for={fieldId(n('task'))}>{`${h.fullName} ${t.task}`}</label>
        {err('task')}
        <input
          type="text"
          id={fieldId(n('task'))}
          name={n('task')}
          value={f.value(n('task'))}
          {...aria('task')}
        />
      </td>
      <td>
        {err('myNumber')}
        <input
          type="checkbox"
          id={fieldId(n('myNumber'))}
          name={n('myNumber')}
          checked={f.checked(n('myNumber'))}
          {...aria('myNumber')}
        />
        <label class="sr-only" for={fieldId(n('myNumber'))}>
          {t.handlesMyNumberLabel(h.fullName)}
        </label>
      </td>
      {(['from', 'to'] as const).map((field) => (
        <td>
          <label
            class="sr-only"
            for={fieldId(n(field))}
          >{`${h.fullName} ${field === 'from' ? t.effectiveFrom : t.effectiveTo}`}</label>
          {err(field)}
          <input
            type="date"
            id={fieldId(n(field))}
            name={n(field)}
            value={f.value(n(field))}
            {...aria(field)}
          />
        </td>
      ))}
      <td>
        {pledge ? (
          <DateText p={p} date={pledge.signedOn} />
        ) : (
          <a href={`/handlers/${h.id}`}>{t.registerPledge}</a>
        )}
      </td>
    </tr>
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
  const contract = await getContract(ctx, c.req.param('id')!);
  const orgId = ctx.actor.organisationId;
  mayDo(c, 'create', 'HandlerList', {
    organisationId: orgId,
    wardId: contract.wardId,
    chainOrgIds: contract.chainOrgIds,
  });
  const handlers = await listHandlers(ctx, { organisationId: orgId, limit: 200 });
  let prefill = values;
  if (!prefill) {
    // Start from the list in force, so a change is made to what was acknowledged.
    const lists = await readHandlerLists(ctx, contract.id);
    const mine = lists.current.find((s) => s.organisationId === orgId);
    prefill = {};
    for (const h of handlers.items) {
      const entry = mine?.entries.find((e) => e.handlerId === h.id);
      if (entry) prefill[`h.${h.id}.include`] = 'on';
      prefill[`h.${h.id}.role`] = entry?.role ?? 'handler';
      prefill[`h.${h.id}.from`] = entry?.effectiveFrom ?? contract.periodFrom;
      prefill[`h.${h.id}.to`] = entry?.effectiveTo ?? '';
      prefill[`h.${h.id}.task`] = entry?.task ?? '';
      if (entry?.handlesMyNumber) prefill[`h.${h.id}.myNumber`] = 'on';
    }
  }
  const f = fields(prefill, errors);
  const t = p.t.handlerLists;
  return sendPage(
    c,
    <Layout p={p} title={t.formTitle(contract.title)}>
      <ErrorSummary p={p} f={f} />
      <p>{t.intro}</p>
      <p>{t.seed004Note}</p>
      <p>
        <a href="/handlers">{t.manageHandlers}</a>
      </p>
      {handlers.items.length === 0 ? (
        <p>{t.noHandlers}</p>
      ) : (
        <form method="post" action={`/contracts/${contract.id}/handler-list/new`} novalidate>
          <Csrf p={p} />
          <TableWrap p={p} label={t.title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.include}</th>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.jobTitle}</th>
                  <th scope="col">{t.role}</th>
                  <th scope="col">{t.task}</th>
                  <th scope="col">{t.handlesMyNumber}</th>
                  <th scope="col">{t.effectiveFrom}</th>
                  <th scope="col">{t.effectiveTo}</th>
                  <th scope="col">{t.pledge}</th>
                </tr>
              </thead>
              <tbody>
                {handlers.items.map((h) => (
                  <HandlerRow p={p} f={f} h={h} />
                ))}
              </tbody>
            </table>
          </TableWrap>
          <div class="actions">
            <button type="submit">{t.submit}</button>
            <a href={`/contracts/${contract.id}`}>{p.t.common.cancel}</a>
          </div>
        </form>
      )}
    </Layout>,
    status,
  );
}

export const handlerListPage = (c: Context<AppEnv>) => showForm(c, undefined, []);

/** 名簿の提出: the checked people with their roles and periods, checked by the use case. */
export async function submitHandlerListAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const values = await readForm(c);
  const ids = Object.keys(values)
    .map((k) => /^h\.([0-9a-f-]{36})\.include$/i.exec(k)?.[1])
    .filter((id): id is string => Boolean(id));
  if (!ids.length) return showForm(c, values, [{ text: p.t.handlerLists.noneSelected }], 422);
  const entries = ids.map((id) => ({
    handlerId: id,
    role: ROLE_ORDER.find((r) => r === str(values[`h.${id}.role`])) ?? ('handler' as const),
    effectiveFrom: str(values[`h.${id}.from`]),
    effectiveTo: str(values[`h.${id}.to`]) || null,
    task: str(values[`h.${id}.task`]) || null,
    handlesMyNumber: str(values[`h.${id}.myNumber`]) === 'on',
  }));
  const toField = (path: string) => {
    const m = /^entries\.(\d+)\.(\w+)/.exec(path);
    const id = m ? ids[Number(m[1])] : undefined;
    if (!m || !id) return undefined;
    const field: Record<string, string> = {
      effectiveFrom: 'from',
      effectiveTo: 'to',
      task: 'task',
      handlesMyNumber: 'myNumber',
      role: 'role',
    };
    return `h.${id}.${field[m[2]!] ?? 'include'}`;
  };
  const parsed = HandlerListInput.safeParse({ entries });
  if (!parsed.success) return showForm(c, values, formErrors(p, zodErrors(parsed.error), toField), 422);
  try {
    await submitHandlerList(useCaseContext(c), c.req.param('id')!, parsed.data.entries);
    return redirectWithNotice(c, `/contracts/${c.req.param('id')}`, 'submitted');
  } catch (error) {
    const refused = refusal(p, error, toField);
    return showForm(c, values, refused.errors, refused.status);
  }
}
