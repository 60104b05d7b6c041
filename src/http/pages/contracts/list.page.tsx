import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import type { CertificationFlag } from '../../../domain/certifications/certification-standing.js';
import { flagsForContracts } from '../../../domain/certifications/contract-certifications.js';
import { CONTRACT_STATUSES, type Contract } from '../../../domain/contracts/contract.repository.js';
import {
  CONTRACT_SORT_KEYS,
  type ContractSortKey,
  listContracts,
} from '../../../domain/contracts/list-contracts.js';
import { listDepartments } from '../../../domain/organisations/departments.js';
import type { CsvCell } from '../../../domain/shared/csv.js';
import { csvDate } from '../../../domain/shared/csv-values.js';
import { departmentNames, organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { readContext } from '../../middleware/read-replica.js';
import { ListFlag } from '../certifications/contract-section.js';
import { Badge, Pager, Period, TableWrap } from '../components/common.js';
import { allRows, csvResponse } from '../components/csv-export.js';
import { fields, SelectField, TextField } from '../components/form.js';
import { rangeLabels } from '../components/list-table.js';
import { listHref, SortableHeading, type SortState, sortFromQuery } from '../components/sortable.js';
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
  /** 認証の不備 of each contract's contractor (expired, or required and missing). */
  flags?: Map<string, CertificationFlag[]>;
}

export async function namesFor(c: Context<AppEnv>, contracts: Contract[]): Promise<ContractNames> {
  const ctx = useCaseContext(c);
  const [org, dept, flags] = await Promise.all([
    organisationNames(
      ctx,
      contracts.flatMap((k) => [k.contractorOrgId, k.wardId]),
    ),
    departmentNames(
      ctx,
      contracts.map((k) => k.departmentId),
    ),
    flagsForContracts(ctx, contracts),
  ]);
  return { org, dept, flags };
}

/**
 * The contracts as a table, or as cards on a phone (each cell labelled by its column). With `sort`
 * (the list page), the sortable columns' headings sort the list in SQL.
 */
export function ContractTable({
  p,
  items,
  names,
  sort,
}: {
  p: PageCtx;
  items: Contract[];
  names: ContractNames;
  sort?: { current: SortState<ContractSortKey> | undefined };
}) {
  const t = p.t.contracts;
  if (!items.length) return <p>{p.t.common.empty}</p>;
  const heading = (label: string, column?: ContractSortKey) =>
    sort && column ? (
      <SortableHeading p={p} label={label} column={column} sort={sort.current} />
    ) : (
      <th scope="col">{label}</th>
    );
  return (
    <TableWrap p={p} label={t.list}>
      <table class="cards">
        <thead>
          <tr>
            {heading(t.fields.title, 'title')}
            {heading(t.fields.contractNumber, 'contractNumber')}
            {heading(t.fields.contractorOrgId)}
            {heading(t.fields.departmentId)}
            {heading(t.fields.period, 'periodFrom')}
            {heading(t.fields.status, 'status')}
          </tr>
        </thead>
        <tbody>
          {items.map((k) => (
            <tr>
              <td data-label={t.fields.title}>
                <a href={`/contracts/${k.id}`}>{k.title}</a>
              </td>
              <td data-label={t.fields.contractNumber}>{k.contractNumber ?? '—'}</td>
              <td data-label={t.fields.contractorOrgId}>{names.org.get(k.contractorOrgId) ?? '—'}</td>
              <td data-label={t.fields.departmentId}>
                {names.dept.get(k.departmentId) ?? names.org.get(k.wardId) ?? '—'}
              </td>
              <td data-label={t.fields.period}>
                <Period p={p} from={k.periodFrom} to={k.periodTo} />
              </td>
              <td data-label={t.fields.status}>
                <Badge status={k.status} label={p.t.status.contract[k.status]} />
                <ListFlag p={p} flags={names.flags?.get(k.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The list's filters as the page and its CSV read them from the address. */
function listQuery(c: Context<AppEnv>) {
  const url = new URL(c.req.url);
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const status = STATUSES.find((s) => s === c.req.query('status'));
  const departmentId = UUID.test(c.req.query('departmentId') ?? '') ? c.req.query('departmentId') : undefined;
  const sort = sortFromQuery(url, CONTRACT_SORT_KEYS);
  return { q, status, departmentId, sort };
}

/** At most this many rows in one CSV export (about 2 MB); the page says so when there are more. */
/**
 * 委託契約の一覧 as CSV for Excel (UTF-8 with BOM): the same rows as the list with its filters and
 * order, the rules in SQL, dates as Excel reads them, headings in the reader's language.
 */
export async function contractListCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const { q, status, departmentId, sort } = listQuery(c);
  const { rows, capped } = await allRows((cursor) =>
    listContracts(ctx, { q: q || undefined, status, departmentId, sort, cursor, limit: 200 }),
  );
  const names = await namesFor(c, rows);
  const t = p.t.contracts;
  const [from, to] = rangeLabels(p, t.fields.period);
  const lines: CsvCell[][] = [
    [
      t.fields.title,
      t.fields.contractNumber,
      t.fields.contractorOrgId,
      t.fields.departmentId,
      from,
      to,
      t.fields.status,
    ],
    ...rows.map((k) => [
      k.title,
      k.contractNumber,
      names.org.get(k.contractorOrgId) ?? '',
      names.dept.get(k.departmentId) ?? names.org.get(k.wardId) ?? '',
      csvDate(k.periodFrom),
      csvDate(k.periodTo),
      p.t.status.contract[k.status] ?? k.status,
    ]),
  ];
  return csvResponse(c, p, lines, capped, { ascii: 'contracts.csv', ja: '委託契約一覧.csv' });
}

/** 委託契約の一覧: what the viewer may read (the rules run in SQL), newest first or by a column, by page. */
export async function contractListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = await readContext(c);
  const { q, status, departmentId, sort } = listQuery(c);
  const page = await listContracts(ctx, {
    q: q || undefined,
    status,
    departmentId,
    sort,
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
        {sort && <input type="hidden" name="sort" value={sort.key} />}
        {sort && <input type="hidden" name="dir" value={sort.dir} />}
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
      <p class="actions">
        <a href={listHref(p.url, {}, '/contracts/export.csv')} download>
          {p.t.common.exportCsv}
        </a>
        {viewer.ability.can('create', 'Import') && (
          <>
            {' '}
            <a href="/imports">{p.t.imports.link}</a>
          </>
        )}
      </p>
      <ContractTable p={p} items={page.items} names={names} sort={{ current: sort }} />
      <Pager p={p} nextCursor={page.nextCursor} />
    </Layout>,
  );
}
