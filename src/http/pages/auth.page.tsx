import type { Context } from 'hono';
import { Hono } from 'hono';
import { signIn } from '../../domain/auth/sign-in.js';
import { signOut } from '../../domain/auth/sign-out.js';
import {
  ConflictError,
  ForbiddenError,
  TooManyRequestsError,
  UnauthenticatedError,
} from '../../domain/shared/errors.js';
import type { AppEnv } from '../app-env.js';
import { clearSessionCookies, setChallengeCookie, setSessionCookies } from '../cookies.js';
import { ErrorSummary, type Fields, fields, SelectField, TextField } from './components/form.js';
import { dashboardPage } from './dashboard.page.js';
import { signedIn, signedInOrNot } from './guard.js';
import { Layout } from './layout.js';
import { type PageCtx, pageCtx } from './page-context.js';
import { redirectWithNotice, safeLocalPath, sendPage } from './render.js';

type Accounts = Array<{ organisationId: string; organisationName: string }>;

function LoginPage({ p, f, next, accounts }: { p: PageCtx; f: Fields; next: string; accounts?: Accounts }) {
  return (
    <Layout p={p} title={p.t.login.title}>
      <div class="login-box">
        <p class="lead">{p.t.login.intro}</p>
        <ErrorSummary p={p} f={f} />
        <form method="post" action="/login" novalidate>
          <input type="hidden" name="next" value={next} />
          <TextField
            p={p}
            f={f}
            name="email"
            label={p.t.login.email}
            type="email"
            autocomplete="username"
            required
          />
          <TextField
            p={p}
            f={f}
            name="password"
            label={p.t.login.password}
            type="password"
            autocomplete="current-password"
            required
          />
          {accounts && (
            <SelectField
              p={p}
              f={f}
              name="organisationId"
              label={p.t.security.organisation}
              hint={p.t.security.chooseOrganisation}
              options={accounts.map((a) => ({ value: a.organisationId, label: a.organisationName }))}
              required
            />
          )}
          <button type="submit">{p.t.login.submit}</button>
        </form>
      </div>
    </Layout>
  );
}

export function showLogin(
  c: Context<AppEnv>,
  values: Record<string, string>,
  errors = fields(values).all,
  status = 200,
  accounts?: Accounts,
) {
  const p = pageCtx(c);
  return sendPage(
    c,
    <LoginPage p={p} f={fields(values, errors)} next={values.next ?? ''} accounts={accounts} />,
    status,
  );
}

/**
 * A form post from another site could sign a victim into the attacker's account (login CSRF); there
 * is no session yet to carry a token, so the browser's Origin header must name this site.
 */
export function refuseForeignOrigin(c: Context<AppEnv>): void {
  const origin = c.req.header('origin');
  if (
    origin &&
    origin !== 'null' &&
    new URL(origin).host !== (c.req.header('host') ?? new URL(c.req.url).host)
  ) {
    throw new ForbiddenError({
      en: 'Sign in from this site’s own page',
      ja: 'このサイトのログイン画面からログインしてください',
    });
  }
}

/** ログイン and ログアウト; '/' is the ログイン page until one signs in, the dashboard after. */
export function authPages() {
  const app = new Hono<AppEnv>();

  app.get('/', signedInOrNot, async (c) => {
    if (c.get('auth')) return dashboardPage(c);
    return showLogin(c, { next: safeLocalPath(c.req.query('next'), '') });
  });

  // People type /login (and links from mail clients may point there): the sign-in page is '/'
  app.get('/login', (c) => {
    const next = safeLocalPath(c.req.query('next'), '');
    return c.redirect(next ? `/?next=${encodeURIComponent(next)}` : '/', 303);
  });

  app.post('/login', async (c) => {
    refuseForeignOrigin(c);
    const body = await c.req.parseBody();
    const value = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const values = { email: value('email').trim().slice(0, 254), next: safeLocalPath(value('next'), '') };
    const organisationId = /^[0-9a-f-]{36}$/.test(value('organisationId'))
      ? value('organisationId')
      : undefined;
    const password = value('password').slice(0, 200);
    const p = pageCtx(c);
    const blank = [
      ...(values.email ? [] : [{ field: 'email', text: p.t.login.blank }]),
      ...(password ? [] : [{ field: 'password', text: p.t.login.blank }]),
    ];
    if (blank.length) return showLogin(c, values, blank, 422);
    const deps = c.get('deps');
    try {
      const outcome = await signIn(deps, {
        email: values.email,
        password,
        organisationId,
        ip: deps.clientIp?.(c) ?? null,
        userAgent: c.req.header('user-agent') ?? null,
        requestId: c.get('requestId'),
      });
      if (outcome.kind === 'second-factor') {
        // the challenge goes in an HttpOnly cookie; the next page asks for the code
        setChallengeCookie(c, outcome.challengeToken);
        const step = outcome.enrol ? '/login/enrol' : '/login/second-factor';
        return c.redirect(values.next ? `${step}?next=${encodeURIComponent(values.next)}` : step, 303);
      }
      setSessionCookies(c, outcome.session);
    } catch (error) {
      if (error instanceof UnauthenticatedError)
        return showLogin(c, values, [{ text: p.t.login.failed }], 401);
      if (error instanceof TooManyRequestsError) {
        c.header('retry-after', String(error.retryAfterSeconds));
        return showLogin(c, values, [{ text: p.msg(error.detail) }], 429);
      }
      if (error instanceof ConflictError && Array.isArray(error.extra.accounts)) {
        const accounts = error.extra.accounts as Accounts;
        return showLogin(c, values, [{ text: p.t.security.chooseOrganisation }], 409, accounts);
      }
      throw error;
    }
    return c.redirect(safeLocalPath(values.next), 303);
  });

  app.post('/logout', signedIn, async (c) => {
    const deps = c.get('deps');
    const auth = c.get('auth');
    await signOut(
      { db: deps.db, actor: auth.actor, requestId: c.get('requestId'), now: deps.now },
      auth.sessionId,
    );
    clearSessionCookies(c);
    return redirectWithNotice(c, '/', 'signedOut');
  });

  return app;
}
