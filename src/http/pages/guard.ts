import type { Context, Next } from 'hono';
import { createMiddleware } from 'hono/factory';
import { type Action, asSubject, type SubjectType } from '../../../policies/app-ability.js';
import { authorize } from '../../domain/shared/authorize.js';
import { UnauthenticatedError } from '../../domain/shared/errors.js';
import type { AppEnv } from '../app-env.js';
import { requireAuth } from '../middleware/authenticate.js';

/** Runs the API's requireAuth (cookie, renewal, CSRF on writes) and tells whether it let us in. */
async function tryAuth(c: Context<AppEnv>): Promise<boolean> {
  try {
    await requireAuth(c, async () => {});
    return true;
  } catch (error) {
    if (error instanceof UnauthenticatedError) return false;
    throw error;
  }
}

/**
 * Pages behind sign-in. Someone not signed in (or whose session ended) is sent to the ログイン page,
 * which brings them back here afterwards; the API keeps answering problem+json instead.
 */
export const signedIn = createMiddleware<AppEnv>(async (c, next) => {
  if (!(await tryAuth(c))) {
    const back = c.req.method === 'GET' ? new URL(c.req.url) : undefined;
    const query = back ? `?next=${encodeURIComponent(`${back.pathname}${back.search}`)}` : '';
    return c.redirect(`/${query}`, 303);
  }
  await next();
});

/** The front page: the dashboard when signed in, the ログイン page otherwise. */
export async function signedInOrNot(c: Context<AppEnv>, next: Next) {
  await tryAuth(c);
  await next();
}

/** A page that offers a change: the same policy check the use case makes, before showing the form. */
export function mayDo(
  c: Context<AppEnv>,
  action: Action,
  type: Exclude<SubjectType, 'all'>,
  record: object,
): void {
  authorize(c.get('auth').ability, action, type, record);
}

/** Whether the viewer may do `action` on this record (to show or hide a button). */
export function can(c: Context<AppEnv>, action: Action, type: Exclude<SubjectType, 'all'>, record: object) {
  return c.get('auth').ability.can(action, asSubject(type, record));
}
