import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { useCaseContext } from '../middleware/authenticate.js';
import { PANELS } from './dashboard-panels.js';
import { Layout } from './layout.js';
import { pageCtx, viewerOf } from './page-context.js';
import { sendPage } from './render.js';

/** ダッシュボード: the panels of the work the policies give the viewer. */
export async function dashboardPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const panels = [];
  // one after another: PGlite has a single connection, and each panel is a short query
  for (const panel of PANELS) panels.push(await panel(ctx, p, viewer));
  return sendPage(
    c,
    <Layout p={p} title={p.t.dashboard.title}>
      <div class="panels">{panels.filter(Boolean)}</div>
    </Layout>,
  );
}
