import type { ComplianceReport } from '../../../domain/reports/report.repository.js';
import { Csrf } from '../components/form.js';
import type { PageCtx } from '../page-context.js';

/** The ward's steps on a report (受付, 決裁, 差戻し); which of them are offered is the domain's answer. */
export type WardCommand = 'receive' | 'sign' | 'return';
export const WARD_COMMANDS: readonly WardCommand[] = ['receive', 'sign', 'return'];

/**
 * The ward's steps on a submitted report, as one form: one comment, one button per step the
 * machine accepts from the viewer now (受付, 決裁, 差戻し).
 */
export function WardActions({
  p,
  report,
  commands,
}: {
  p: PageCtx;
  report: ComplianceReport;
  commands: WardCommand[];
}) {
  const t = p.t.reports;
  if (!commands.length) return null;
  const url = (command: WardCommand) => `/compliance-reports/${report.id}/${command}`;
  return (
    <section aria-labelledby="report-actions">
      <h2 id="report-actions">{t.actions}</h2>
      <form method="post" action={url(commands[0]!)} novalidate class="decision">
        <Csrf p={p} />
        <input type="hidden" name="version" value={String(report.version)} />
        <div class="field">
          <label for="f-comment">{p.t.common.commentOptional}</label>
          <span class="hint" id="f-comment-hint">
            {t.commentHint}
          </span>
          <textarea id="f-comment" name="comment" rows={3} aria-describedby="f-comment-hint" />
        </div>
        <div class="actions">
          {commands.map((command) => (
            <button
              type="submit"
              formaction={url(command)}
              class={command === 'return' ? 'danger' : undefined}
              data-confirm={t.confirm[command]}
            >
              {t.commands[command]}
            </button>
          ))}
        </div>
      </form>
    </section>
  );
}
