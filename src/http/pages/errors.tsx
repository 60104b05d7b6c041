import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isAppError } from '../../domain/shared/errors.js';
import type { AppEnv } from '../app-env.js';
import { isUnreadableBody } from '../unreadable-body.js';
import { Layout } from './layout.js';
import { type PageCtx, pageCtx } from './page-context.js';
import { sendPage } from './render.js';

function ErrorPage({
  p,
  status,
  detail,
  requestId,
}: {
  p: PageCtx;
  status: number;
  detail: string;
  requestId?: string;
}) {
  return (
    <Layout p={p} title={p.t.errors[status] ?? p.t.errors[500]!}>
      <p>{detail}</p>
      {requestId && (
        <p>
          {p.t.errors.requestId}: <code>{requestId}</code>
        </p>
      )}
      <p>
        <a href="/">{p.t.errors.toDashboard}</a>
      </p>
    </Layout>
  );
}

/** A page for a status, e.g. 404 for an unknown address. */
export function renderErrorPage(c: Context<AppEnv>, status: number, detail?: string) {
  const p = pageCtx(c);
  const text = detail ?? (status === 404 ? p.t.errors.notFoundDetail! : p.t.errors.internalDetail!);
  return sendPage(c, <ErrorPage p={p} status={status} detail={text} />, status);
}

/**
 * The pages' onError: the domain's refusals become Japanese (or English) error pages with the same
 * status the API would give — 404 for what the viewer may not see, 403 for what they may not do —
 * and a session that ended sends them to the ログイン page. Anything else is a 500 whose cause goes
 * only to the log, under the request id shown.
 */
export function pageErrorHandler(error: Error, c: Context<AppEnv>) {
  if (isAppError(error)) {
    if (error.status === 401) return c.redirect('/', 303);
    const p = pageCtx(c);
    const detail =
      error.status === 404
        ? `${p.msg(error.detail)}${p.lang === 'ja' ? '。' : '. '}${p.t.errors.notFoundDetail}`
        : p.msg(error.detail);
    return sendPage(c, <ErrorPage p={p} status={error.status} detail={detail} />, error.status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return renderErrorPage(c, error.status, pageCtx(c).t.errors[error.status]);
  }
  if (isUnreadableBody(error)) return renderErrorPage(c, 400, pageCtx(c).t.errors[400]);
  c.get('logger')?.error({ err: error }, 'unhandled error on a page');
  const p = pageCtx(c);
  return sendPage(
    c,
    <ErrorPage p={p} status={500} detail={p.t.errors.internalDetail!} requestId={c.get('requestId')} />,
    500,
  );
}
