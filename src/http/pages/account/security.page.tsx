import type { Context } from 'hono';
import {
  confirmEnrolment,
  disableSecondFactor,
  readSecondFactor,
  regenerateRecoveryCodes,
  startEnrolment,
} from '../../../domain/auth/second-factor/manage-second-factor.js';
import { ConflictError, TooManyRequestsError, ValidationError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Details } from '../components/common.js';
import { Csrf, ErrorSummary, type FormError, fields, TextField } from '../components/form.js';
import { readForm } from '../components/form-body.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { EnrolmentBox, enrolmentView, RecoveryCodes } from '../second-factor.page.js';

// 二要素認証 of the signed-in user: its state; setting it up (QR code, first code, recovery codes);
// new recovery codes; turning it off where the ward does not require it.

const ownCtx = (c: Context<AppEnv>) => {
  const deps = c.get('deps');
  return { ...useCaseContext(c), services: deps, ip: deps.clientIp?.(c) ?? null };
};

function CodeField({ p, f, name = 'code' }: { p: PageCtx; f: ReturnType<typeof fields>; name?: string }) {
  return (
    <TextField
      p={p}
      f={f}
      name={name}
      label={p.t.security.code}
      autocomplete="one-time-code"
      short
      required
    />
  );
}

async function showState(c: Context<AppEnv>, errors: FormError[] = [], status = 200) {
  const p = pageCtx(c);
  const t = p.t.security;
  const state = await readSecondFactor(useCaseContext(c));
  const f = fields({}, errors);
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <ErrorSummary p={p} f={f} />
      <p>{t.intro}</p>
      <Details
        rows={[
          [t.status, `${state.enabled ? t.on : t.off}${state.required ? `（${t.requiredByWard}）` : ''}`],
          ...(state.enabled
            ? ([[t.recoveryTitle, t.recoveryLeft(state.recoveryCodesLeft)]] as Array<[string, string]>)
            : []),
        ]}
      />
      {!state.enabled && (
        <form method="post" action="/account/security/enrol">
          <Csrf p={p} />
          <button type="submit">{t.start}</button>
        </form>
      )}
      {state.enabled && (
        <form method="post" action="/account/security/recovery-codes" novalidate>
          <Csrf p={p} />
          <h2>{t.regenerate}</h2>
          <p class="hint">{t.regenerateHint}</p>
          <CodeField p={p} f={f} />
          <button type="submit">{t.regenerate}</button>
        </form>
      )}
      {state.enabled && !state.required && (
        <form method="post" action="/account/security/disable" novalidate>
          <Csrf p={p} />
          <h2>{t.disable}</h2>
          <p class="hint">{t.disableHint}</p>
          <TextField
            p={p}
            f={f}
            name="disableCode"
            label={t.codeOrRecovery}
            autocomplete="one-time-code"
            short
            required
          />
          <button type="submit" class="danger" data-confirm={t.disable}>
            {t.disable}
          </button>
        </form>
      )}
    </Layout>,
    status,
  );
}

async function showEnrolment(c: Context<AppEnv>, errors: FormError[] = [], status = 200) {
  const p = pageCtx(c);
  const t = p.t.security;
  const e = await enrolmentView(await startEnrolment(useCaseContext(c)));
  const f = fields({}, errors);
  return sendPage(
    c,
    <Layout p={p} title={t.enrolTitle}>
      <ErrorSummary p={p} f={f} />
      <EnrolmentBox p={p} e={e} />
      <form method="post" action="/account/security/confirm" novalidate>
        <Csrf p={p} />
        <CodeField p={p} f={f} />
        <div class="actions">
          <button type="submit">{t.confirm}</button>
          <a href="/account/security">{p.t.common.cancel}</a>
        </div>
      </form>
    </Layout>,
    status,
  );
}

function showCodes(c: Context<AppEnv>, codes: string[]) {
  const p = pageCtx(c);
  return sendPage(
    c,
    <Layout p={p} title={p.t.security.recoveryTitle}>
      <RecoveryCodes p={p} codes={codes} />
      <p>
        <a href="/account/security">{p.t.security.continue}</a>
      </p>
    </Layout>,
  );
}

/** A code refused: beside its field, with Retry-After when throttled. */
function codeRefusal(
  c: Context<AppEnv>,
  error: unknown,
  field: string,
): { errors: FormError[]; status: number } {
  const p = pageCtx(c);
  if (error instanceof TooManyRequestsError) {
    c.header('retry-after', String(error.retryAfterSeconds));
    return { errors: [{ field, text: p.msg(error.detail) }], status: 429 };
  }
  if (error instanceof ValidationError)
    return { errors: [{ field, text: p.t.security.wrongCode }], status: 422 };
  if (error instanceof ConflictError) return { errors: [{ text: p.msg(error.detail) }], status: 409 };
  throw error;
}

const codeOf = async (c: Context<AppEnv>, name = 'code') => {
  const v = (await readForm(c))[name];
  return (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 40) ?? '';
};

export const securityPage = (c: Context<AppEnv>) => showState(c);

export async function enrolAction(c: Context<AppEnv>) {
  try {
    return await showEnrolment(c);
  } catch (error) {
    const refused = codeRefusal(c, error, 'code');
    return showState(c, refused.errors, refused.status);
  }
}

export async function confirmAction(c: Context<AppEnv>) {
  try {
    return showCodes(c, await confirmEnrolment(ownCtx(c), await codeOf(c)));
  } catch (error) {
    const refused = codeRefusal(c, error, 'code');
    return showEnrolment(c, refused.errors, refused.status);
  }
}

export async function recoveryCodesAction(c: Context<AppEnv>) {
  try {
    return showCodes(c, await regenerateRecoveryCodes(ownCtx(c), await codeOf(c)));
  } catch (error) {
    const refused = codeRefusal(c, error, 'code');
    return showState(c, refused.errors, refused.status);
  }
}

export async function disableAction(c: Context<AppEnv>) {
  try {
    await disableSecondFactor(ownCtx(c), await codeOf(c, 'disableCode'));
    return redirectWithNotice(c, '/account/security', 'secondFactorOff');
  } catch (error) {
    const refused = codeRefusal(c, error, 'disableCode');
    return showState(c, refused.errors, refused.status);
  }
}
