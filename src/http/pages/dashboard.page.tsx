import type { Context } from 'hono';
import { listWorklist } from '../../domain/worklists/worklist.js';
import type { AppEnv } from '../app-env.js';
import { useCaseContext } from '../middleware/authenticate.js';
import { INFO_PANELS } from './dashboard-panels.js';
import { WorkPanel } from './inbox/work-item.js';
import { Layout } from './layout.js';
import { pageCtx, viewerOf } from './page-context.js';
import { sendPage } from './render.js';

const SHOWN = 8;

/** ダッシュボード: the waiting work (the worklist, as in the inbox), then what the viewer may read. */
export async function dashboardPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const sections = await listWorklist(ctx, { limit: SHOWN });
  const info = [];
  // one after another: PGlite has a single connection, and each panel is a short query
  for (const panel of INFO_PANELS) info.push(await panel(ctx, p, viewer));
  return sendPage(
    c,
    <Layout p={p} title={p.t.dashboard.title}>
      <div class="panels">
        {sections.map((section) => (
          <WorkPanel p={p} section={section} />
        ))}
        {info.filter(Boolean)}
      </div>
    </Layout>,
  );
}
