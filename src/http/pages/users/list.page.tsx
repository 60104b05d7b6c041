import type { Context } from 'hono';
import type { UseCaseContext } from '../../../domain/shared/context.js';
import { listUsers, USER_SORT_KEYS, type UserSortKey } from '../../../domain/users/manage-users.js';
import type { User } from '../../../domain/users/user.repository.js';
import { departmentNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, Pager } from '../components/common.js';
import { allRows, csvResponse } from '../components/csv-export.js';
import { ListFilters, wordsQuery } from '../components/list-filters.js';
import { csvLines, type ListColumn, ListTable } from '../components/list-table.js';
import { sortFromQuery } from '../components/sortable.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';
import { refuseUnlessAdministrator, roleList } from './users.page.js';

// 利用者の一覧: the accounts of the manager's own organisation, sorted and filtered in SQL, as CSV.

/** The list's words and order (the organisation is always the viewer's own). */
function listQuery(p: PageCtx) {
  return {
    organisationId: viewerOf(p).actor.organisationId,
    q: wordsQuery(p.url),
    sort: sortFromQuery(p.url, USER_SORT_KEYS),
  };
}

async function departmentsOf(ctx: UseCaseContext, users: User[]) {
  return departmentNames(
    ctx,
    users.flatMap((u) => (u.departmentId ? [u.departmentId] : [])),
  );
}

/** An account's columns, on the page and in the CSV. */
function userColumns(p: PageCtx, departments: Map<string, string>): ListColumn<User, UserSortKey>[] {
  const t = p.t.users;
  const department = (u: User) => (u.departmentId && departments.get(u.departmentId)) || '';
  const state = (u: User) => (u.disabled ? t.disabled : t.active);
  return [
    {
      label: t.columns.displayName,
      sort: 'displayName',
      cell: (u) => <a href={`/users/${u.id}`}>{u.displayName}</a>,
      csv: (u) => u.displayName,
    },
    { label: t.columns.email, sort: 'email', cell: (u) => u.email, csv: (u) => u.email },
    { label: t.columns.roles, cell: (u) => roleList(p, u.roles), csv: (u) => roleList(p, u.roles) },
    { label: t.columns.department, cell: (u) => department(u) || '—', csv: department },
    {
      label: t.columns.state,
      sort: 'state',
      cell: (u) => <Badge status={u.disabled ? 'closed' : 'active'} label={state(u)} />,
      csv: state,
    },
  ];
}

export async function userListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  refuseUnlessAdministrator(p);
  const ctx = useCaseContext(c);
  const t = p.t.users;
  const query = listQuery(p);
  const page = await listUsers(ctx, { ...query, cursor: c.req.query('cursor') || undefined, limit: 50 });
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <p>{t.intro}</p>
      <p class="actions">
        <a class="button" href="/users/new">
          {t.newUser}
        </a>
      </p>
      <ListFilters
        p={p}
        action="/users"
        sort={query.sort}
        q={query.q}
        qLabel={t.filterQ}
        csv="/users/export.csv"
      />
      <ListTable
        p={p}
        label={t.title}
        items={page.items}
        columns={userColumns(p, await departmentsOf(ctx, page.items))}
        sort={{ current: query.sort }}
      />
      <Pager p={p} nextCursor={page.nextCursor} />
    </Layout>,
  );
}

/** The organisation's accounts, with the list's words and order, as CSV for Excel. */
export async function userListCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  refuseUnlessAdministrator(p);
  const ctx = useCaseContext(c);
  const query = listQuery(p);
  const { rows, capped } = await allRows((cursor) => listUsers(ctx, { ...query, cursor, limit: 200 }));
  return csvResponse(c, p, csvLines(userColumns(p, await departmentsOf(ctx, rows)), rows), capped, {
    ascii: 'users.csv',
    ja: '利用者一覧.csv',
  });
}
