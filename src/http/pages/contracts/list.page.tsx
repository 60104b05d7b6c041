import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import { CONTRACT_STATUSES, type Contract } from '../../../domain/contracts/contract.repository.js';
import { listContracts } from '../../../domain/contracts/list-contracts.js';
import { listDepartments } from '../../../domain/organisations/departments.js';
import { departmentNames, organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, Pager, Period, TableWrap } from '../components/common.js';
import { fields, SelectField, TextField } from '../components/form.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';

const STATUSES = CONTRACT_STATUSES;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 20;

/** Who the contract is with, and for whom: names the viewer may read, else the id. */
export interface ContractNames {
  org: Map<string, string>;
  dept: Map<string, string>;
}

export async function namesFor(c: Context<AppEnv>, contracts: Contract[]): Promise<ContractNames> {
  const ctx = useCaseContext(c);
  const [org, dept] = await Promise.all([
    organisationNames(
      ctx,
      contracts.flatMap((k) => [k.contractorOrgId, k.wardId]),
    ),
    departmentNames(
      ctx,
      contracts.map((k) => k.departmentId),
    ),
  ]);
  return { org, dept };
}

export function ContractTable({ p, items, names }: { p: PageCtx; items: Contract[]; names: ContractNames }) {
  const t = p.t.contracts;
  if (!items.length) return <p>{p.t.common.empty}</p>;
  return (
    <TableWrap p={p} label={t.list}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.fields.title}</th>
            <th scope="col">{t.fields.contractNumber}</th>
            <th scope="col">{t.fields.contractorOrgId}</th>
            <th scope="col">{t.fields.departmentId}</th>
            <th scope="col">{t.fields.period}</th>
            <th scope="col">{t.fields.status}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((k) => (
            <tr>
              <td>
                <a href={`/contracts/${k.id}`}>{k.title}</a>
              </td>
              <td>{k.contractNumber ?? '—'}</td>
              <td>{names.org.get(k.contractorOrgId) ?? '—'}</td>
              <td>{names.dept.get(k.departmentId) ?? names.org.get(k.wardId) ?? '—'}</td>
              <td>
                <Period p={p} from={k.periodFrom} to={k.periodTo} />
              </td>
              <td>
                <Badge status={k.status} label={p.t.status.contract[k.status]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** 委託契約の一覧: what the viewer may read (the rules run in SQL), newest first, by page. */
export async function contractListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const status = STATUSES.find((s) => s === c.req.query('status'));
  const departmentId = UUID.test(c.req.query('departmentId') ?? '') ? c.req.query('departmentId') : undefined;
  const page = await listContracts(ctx, {
    q: q || undefined,
    status,
    departmentId,
    cursor: c.req.query('cursor') || undefined,
    limit: PAGE_SIZE,
  });
  const names = await namesFor(c, page.items);
  const departments =
    viewer.actor.wardId && viewer.ability.can('read', 'Department')
      ? await listDepartments(ctx, viewer.actor.wardId)
      : [];
  const f = fields({ q, status: status ?? '', departmentId: departmentId ?? '' });
  const t = p.t.contracts;
  const mayCreate = viewer.ability.can('create', asSubject('Contract', { wardId: viewer.actor.wardId }));
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      {mayCreate && (
        <p class="actions">
          <a class="button" href="/contracts/new">
            {t.register}
          </a>
        </p>
      )}
      <form method="get" action="/contracts" class="filters" aria-label={p.t.common.filter}>
        <TextField p={p} f={f} name="q" label={t.filterQ} type="search" />
        <SelectField
          p={p}
          f={f}
          name="status"
          label={t.filterStatus}
          blank={p.t.common.all}
          options={STATUSES.map((s) => ({ value: s, label: p.t.status.contract[s]! }))}
          short
        />
        {departments.length > 0 && (
          <SelectField
            p={p}
            f={f}
            name="departmentId"
            label={t.filterDepartment}
            blank={p.t.common.all}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            short
          />
        )}
        <div class="field">
          <button type="submit">{p.t.common.applyFilter}</button>{' '}
          <a href="/contracts">{p.t.common.clearFilter}</a>
        </div>
      </form>
      <ContractTable p={p} items={page.items} names={names} />
      <Pager p={p} nextCursor={page.nextCursor} />
    </Layout>,
  );
}
