import type { Context } from 'hono';
import { Hono } from 'hono';
import { COMPANY_ROLES, type Role, WARD_ROLES } from '../../../../policies/actor.js';
import { listDepartments } from '../../../domain/organisations/departments.js';
import { ForbiddenError } from '../../../domain/shared/errors.js';
import { createUser, getUser, updateUser } from '../../../domain/users/manage-users.js';
import type { User } from '../../../domain/users/user.repository.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import {
  ChoiceGroup,
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  SelectField,
  TextField,
} from '../components/form.js';
import { firstValue, readForm, refusal, versionOf } from '../components/form-body.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { grantableRoles } from './grantable-roles.js';
import { userListCsv, userListPage } from './list.page.js';

// 利用者の管理: a ward's manager (課長) and a company's manager keep their own organisation's
// accounts — register, change roles and department, disable, set a new password, remove a lost
// second factor. The same use cases as /api/v1/users: the rules run in their SQL and checks, and
// every change is audited there.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MIN_PASSWORD = 12;

function mayAdminister(p: PageCtx): boolean {
  return grantableRoles(viewerOf(p)).length > 0;
}

export function refuseUnlessAdministrator(p: PageCtx) {
  if (!mayAdminister(p)) {
    throw new ForbiddenError({
      en: "Only your organisation's manager may administer its users",
      ja: '利用者の管理は、所属する組織の管理者（課長等）のみが行えます',
    });
  }
}

export function roleList(p: PageCtx, roles: readonly string[]): string {
  return roles.map((r) => p.t.users.roleNames[r] ?? r).join('、');
}

/** What the form's own checks refuse before the use case (the API's schema does the same). */
function checkForm(p: PageCtx, values: FormValues, isNew: boolean): FormError[] {
  const e = p.t.users.errors;
  const errors: FormError[] = [];
  if (!firstValue(values.displayName).trim()) errors.push({ field: 'displayName', text: e.displayName });
  if (isNew && !EMAIL.test(firstValue(values.email).trim())) errors.push({ field: 'email', text: e.email });
  const password = firstValue(values.password);
  if ((isNew || password) && password.length < MIN_PASSWORD)
    errors.push({ field: 'password', text: e.password });
  if (!pickedRoles(values).length) errors.push({ field: 'roles', text: e.roles });
  return errors;
}

function pickedRoles(values: FormValues): Role[] {
  const raw = values.roles;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.filter((r): r is Role => (WARD_ROLES as string[]).concat(COMPANY_ROLES).includes(r));
}

async function departmentOptions(c: Context<AppEnv>, p: PageCtx) {
  const wardId = viewerOf(p).actor.wardId;
  if (!wardId) return [];
  return (await listDepartments(useCaseContext(c), wardId)).map((d) => ({ value: d.id, label: d.name }));
}

async function userForm(
  c: Context<AppEnv>,
  p: PageCtx,
  opts: { user?: User; values: FormValues; errors: FormError[]; status?: number },
) {
  const t = p.t.users;
  const f = fields(opts.values, opts.errors);
  const departments = await departmentOptions(c, p);
  const roles = grantableRoles(viewerOf(p));
  const user = opts.user;
  return sendPage(
    c,
    <Layout p={p} title={user ? t.editTitle(user.displayName) : t.newTitle}>
      <ErrorSummary p={p} f={f} />
      <form method="post" action={user ? `/users/${user.id}` : '/users/new'} novalidate>
        <Csrf p={p} />
        {user && <input type="hidden" name="version" value={String(user.version)} />}
        <TextField p={p} f={f} name="displayName" label={t.displayName} required autocomplete="off" />
        {user ? (
          <p>
            {t.email}: {user.email}
          </p>
        ) : (
          <TextField p={p} f={f} name="email" label={t.email} type="email" required autocomplete="off" />
        )}
        <TextField
          p={p}
          f={f}
          name="password"
          label={user ? t.newPassword : t.password}
          hint={user ? t.newPasswordHint : t.passwordHint}
          type="password"
          required={!user}
          autocomplete="new-password"
        />
        <ChoiceGroup
          p={p}
          f={f}
          name="roles"
          legend={t.roles}
          hint={t.rolesHint}
          options={roles.map((r) => ({ value: r, label: t.roleNames[r] ?? r }))}
        />
        {departments.length > 0 && (
          <SelectField
            p={p}
            f={f}
            name="departmentId"
            label={t.department}
            blank={t.noDepartment}
            options={departments}
          />
        )}
        {user && (
          <ChoiceGroup
            p={p}
            f={f}
            name="state"
            legend={t.state}
            options={[
              { value: 'disabled', label: t.disable },
              { value: 'resetSecondFactor', label: t.resetSecondFactor },
            ]}
          />
        )}
        <div class="actions">
          <button type="submit">{p.t.common.save}</button> <a href="/users">{p.t.common.back}</a>
        </div>
      </form>
    </Layout>,
    opts.status ?? 200,
  );
}

async function newPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  refuseUnlessAdministrator(p);
  return userForm(c, p, { values: {}, errors: [] });
}

async function createAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  refuseUnlessAdministrator(p);
  const values = await readForm(c);
  const errors = checkForm(p, values, true);
  if (errors.length) return userForm(c, p, { values, errors, status: 422 });
  try {
    const user = await createUser(useCaseContext(c), c.get('deps').passwords, {
      organisationId: viewerOf(p).actor.organisationId,
      departmentId: firstValue(values.departmentId) || null,
      email: firstValue(values.email).trim(),
      displayName: firstValue(values.displayName).trim(),
      password: firstValue(values.password),
      roles: pickedRoles(values),
    });
    return redirectWithNotice(c, `/users/${user.id}`, 'created');
  } catch (error) {
    const refused = refusal(p, error);
    return userForm(c, p, { values, errors: refused.errors, status: refused.status });
  }
}

function valuesOf(user: User): FormValues {
  return {
    displayName: user.displayName,
    roles: [...user.roles],
    departmentId: user.departmentId ?? '',
    state: user.disabled ? ['disabled'] : [],
  };
}

async function editPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  refuseUnlessAdministrator(p);
  const user = await getUser(useCaseContext(c), c.req.param('id')!);
  return userForm(c, p, { user, values: valuesOf(user), errors: [] });
}

async function updateAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  refuseUnlessAdministrator(p);
  const ctx = useCaseContext(c);
  const user = await getUser(ctx, c.req.param('id')!);
  const values = await readForm(c);
  const errors = checkForm(p, values, false);
  if (errors.length) return userForm(c, p, { user, values, errors, status: 422 });
  const state = Array.isArray(values.state) ? values.state : values.state ? [values.state] : [];
  const password = firstValue(values.password);
  try {
    await updateUser(
      ctx,
      c.get('deps').passwords,
      user.id,
      {
        displayName: firstValue(values.displayName).trim(),
        roles: pickedRoles(values),
        ...(viewerOf(p).actor.wardId && { departmentId: firstValue(values.departmentId) || null }),
        disabled: state.includes('disabled'),
        ...(password && { password }),
        ...(state.includes('resetSecondFactor') && { resetSecondFactor: true }),
      },
      versionOf(values) ?? 0,
    );
    return redirectWithNotice(c, `/users/${user.id}`, 'saved');
  } catch (error) {
    const refused = refusal(p, error);
    return userForm(c, p, { user, values, errors: refused.errors, status: refused.status });
  }
}

/** 利用者の管理: /users, /users/new, /users/{id}. */
export function userPages() {
  const app = new Hono<AppEnv>();
  const id = `/users/:id${UUID_PARAM}`;
  app.get('/users', signedIn, userListPage);
  app.get('/users/export.csv', signedIn, userListCsv);
  app.get('/users/new', signedIn, newPage);
  app.post('/users/new', signedIn, createAction);
  app.get(id, signedIn, editPage);
  app.post(id, signedIn, updateAction);
  return app;
}
