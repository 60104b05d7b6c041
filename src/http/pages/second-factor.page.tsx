import type { Context } from 'hono';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { CHALLENGE_ENDED } from '../../domain/auth/second-factor/challenges.js';
import { completeSignIn, enrolmentForChallenge } from '../../domain/auth/second-factor/complete-sign-in.js';
import { TooManyRequestsError, UnauthenticatedError } from '../../domain/shared/errors.js';
import type { AppEnv } from '../app-env.js';
import { CHALLENGE_COOKIE, clearChallengeCookie, setSessionCookies } from '../cookies.js';
import { qrCodeDataUri } from '../qr-code.js';
import { refuseForeignOrigin, showLogin } from './auth.page.js';
import { ErrorSummary, type FormError, fields, TextField } from './components/form.js';
import { Layout } from './layout.js';
import { type PageCtx, pageCtx } from './page-context.js';
import { safeLocalPath, sendPage } from './render.js';

// The ログイン pages after the password, when a second factor follows: the code (or a recovery
// code), or — when the ward requires a second factor and the user has none — setting up the
// authenticator app first. The challenge travels in an HttpOnly cookie, never in the page.

/** What the enrolment shows, with its QR code drawn (pages render synchronously). */
export async function enrolmentView(e: { secret: string; otpauthUri: string; account: string }) {
  return { secret: e.secret, account: e.account, qr: await qrCodeDataUri(e.otpauthUri) };
}

/** The QR code and the key to type by hand, for setting up an authenticator app. */
export function EnrolmentBox({ p, e }: { p: PageCtx; e: Awaited<ReturnType<typeof enrolmentView>> }) {
  const { secret, account, qr } = e;
  const t = p.t.security;
  return (
    <section class="enrolment" aria-labelledby="enrol-scan">
      <p id="enrol-scan">{t.scan}</p>
      <img class="qr" src={qr} alt={t.qrAlt(account)} width="220" height="220" />
      <p>{t.typeKey}</p>
      <p>
        {t.secretKey}: <code class="secret">{secret.match(/.{1,4}/g)!.join(' ')}</code>
      </p>
      <p>{t.enterFirst}</p>
    </section>
  );
}

/** The recovery codes, shown once after a second factor was set up (or new codes were made). */
export function RecoveryCodes({ p, codes }: { p: PageCtx; codes: string[] }) {
  const t = p.t.security;
  return (
    <section aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t.recoveryTitle}</h2>
      <p>{t.recoveryIntro}</p>
      <ul class="recovery-codes" aria-label={t.recoveryList}>
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CodeForm({
  p,
  next,
  errors,
  enrol,
}: {
  p: PageCtx;
  next: string;
  errors: FormError[];
  enrol: boolean;
}) {
  const t = p.t.security;
  const f = fields({}, errors);
  return (
    <form method="post" action="/login/second-factor" novalidate>
      <input type="hidden" name="next" value={next} />
      {enrol && <input type="hidden" name="enrol" value="1" />}
      <TextField
        p={p}
        f={f}
        name="code"
        label={enrol ? t.code : t.codeOrRecovery}
        autocomplete="one-time-code"
        inputmode={enrol ? 'numeric' : undefined}
        short
        required
      />
      <button type="submit">{enrol ? t.confirm : t.verify}</button>
    </form>
  );
}

async function showStep(
  c: Context<AppEnv>,
  enrol: boolean,
  next: string,
  errors: FormError[] = [],
  status = 200,
) {
  const p = pageCtx(c);
  const t = p.t.security;
  const token = getCookie(c, CHALLENGE_COOKIE);
  if (!token) return showLogin(c, { next }, [{ text: t.expired }], 401);
  const f = fields({}, errors);
  if (!enrol) {
    return sendPage(
      c,
      <Layout p={p} title={t.codeTitle}>
        <div class="login-box">
          <ErrorSummary p={p} f={f} />
          <p class="lead">{t.codeIntro}</p>
          <CodeForm p={p} next={next} errors={errors} enrol={false} />
        </div>
      </Layout>,
      status,
    );
  }
  try {
    const e = await enrolmentView(await enrolmentForChallenge(c.get('deps'), token));
    return sendPage(
      c,
      <Layout p={p} title={t.enrolTitle}>
        <div class="login-box">
          <ErrorSummary p={p} f={f} />
          <p class="lead">{t.enrolRequired}</p>
          <EnrolmentBox p={p} e={e} />
          <CodeForm p={p} next={next} errors={errors} enrol />
        </div>
      </Layout>,
      status,
    );
  } catch (error) {
    if (error !== CHALLENGE_ENDED) throw error;
    clearChallengeCookie(c);
    return showLogin(c, { next }, [{ text: t.expired }], 401);
  }
}

export function secondFactorPages() {
  const app = new Hono<AppEnv>();
  const nextOf = (c: Context<AppEnv>) => safeLocalPath(c.req.query('next'), '');

  app.get('/login/second-factor', (c) => showStep(c, false, nextOf(c)));
  app.get('/login/enrol', (c) => showStep(c, true, nextOf(c)));

  app.post('/login/second-factor', async (c) => {
    refuseForeignOrigin(c);
    const p = pageCtx(c);
    const t = p.t.security;
    const body = await c.req.parseBody();
    const value = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const next = safeLocalPath(value('next'), '');
    const enrol = value('enrol') === '1';
    const code = value('code').trim().slice(0, 40);
    const token = getCookie(c, CHALLENGE_COOKIE);
    if (!token) return showLogin(c, { next }, [{ text: t.expired }], 401);
    if (!code) return showStep(c, enrol, next, [{ field: 'code', text: t.blank }], 422);
    const deps = c.get('deps');
    try {
      const { session, recoveryCodes } = await completeSignIn(deps, {
        challengeToken: token,
        code,
        ip: deps.clientIp?.(c) ?? null,
        userAgent: c.req.header('user-agent') ?? null,
        requestId: c.get('requestId'),
      });
      setSessionCookies(c, session);
      clearChallengeCookie(c);
      if (!recoveryCodes) return c.redirect(safeLocalPath(next), 303);
      return sendPage(
        c,
        <Layout p={p} title={t.recoveryTitle}>
          <RecoveryCodes p={p} codes={recoveryCodes} />
          <p>
            <a href={safeLocalPath(next)}>{t.continue}</a>
          </p>
        </Layout>,
      );
    } catch (error) {
      if (error === CHALLENGE_ENDED) {
        clearChallengeCookie(c);
        return showLogin(c, { next }, [{ text: t.expired }], 401);
      }
      if (error instanceof TooManyRequestsError) {
        c.header('retry-after', String(error.retryAfterSeconds));
        return showStep(c, enrol, next, [{ text: p.msg(error.detail) }], 429);
      }
      if (error instanceof UnauthenticatedError) {
        return showStep(c, enrol, next, [{ field: 'code', text: t.wrongCode }], 401);
      }
      throw error;
    }
  });

  return app;
}
