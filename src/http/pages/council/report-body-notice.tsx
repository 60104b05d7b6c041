import { asSubject } from '../../../../policies/app-ability.js';
import type { PageCtx } from '../page-context.js';

/**
 * Said plainly where a municipality has set no body for its reports (no council, no 報告先): what is
 * missing, how to set it, and for its manager the link to the settings.
 */
export function NoReportBodyNotice({ p }: { p: PageCtx }) {
  if (p.words.reportBody || !p.viewer) return null;
  const t = p.t.council;
  const wardId = p.viewer.actor.wardId;
  const mayAdminister = !!wardId && p.viewer.ability.can('update', asSubject('WardSettings', { wardId }));
  return (
    <div class="notice" role="status" id="no-report-body">
      <p>{t.noReportBody}</p>
      <p>
        {t.noReportBodyHow}
        {mayAdminister && (
          <>
            {' '}
            <a href="/settings/ward">{t.openSettings}</a>
          </>
        )}
      </p>
    </div>
  );
}
