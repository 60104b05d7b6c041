import type { InspectionCommand } from '../../../domain/inspections/act-on-inspection.js';
import type { Inspection } from '../../../domain/inspections/inspection.repository.js';
import { DateText } from '../components/common.js';
import { Csrf } from '../components/form.js';
import type { PageCtx } from '../page-context.js';
import type { LoadedInspection } from './parts.js';

/** What still stands between the record and its sign-off, said before anyone presses submit. */
export function Blockers({ p, loaded }: { p: PageCtx; loaded: LoadedInspection }) {
  const t = p.t.inspections;
  const unanswered = loaded.progress.total - loaded.progress.answered;
  const open = loaded.progress.openFindings;
  if (!unanswered && !open) return null;
  return (
    <div class="blockers">
      <p class="label">{t.blocked}</p>
      <ul>
        {unanswered > 0 && <li>{t.blockedUnanswered(unanswered)}</li>}
        {open > 0 && <li>{t.blockedFindings(open)}</li>}
      </ul>
    </div>
  );
}

/** The steps the viewer may take: one comment, one button per step. */
export function InspectionActions({
  p,
  inspection,
  commands,
}: {
  p: PageCtx;
  inspection: Inspection;
  commands: InspectionCommand[];
}) {
  const t = p.t.inspections;
  const url = (command: InspectionCommand) => `/inspections/${inspection.id}/${command}`;
  return (
    <section aria-labelledby="inspection-actions">
      <h2 id="inspection-actions">{t.actions}</h2>
      {commands.length === 0 ? (
        <p>{t.noActions}</p>
      ) : (
        <form method="post" action={url(commands[0]!)} novalidate class="decision">
          <Csrf p={p} />
          <input type="hidden" name="version" value={String(inspection.version)} />
          {inspection.status === 'planned' && <p class="hint">{t.startHint}</p>}
          <div class="field">
            <label for="f-comment">{p.t.common.commentOptional}</label>
            <textarea id="f-comment" name="comment" rows={2} />
          </div>
          <div class="actions">
            {commands.map((command) => (
              <button
                type="submit"
                formaction={url(command)}
                class={command === 'cancel' || command === 'send-back' ? 'danger' : undefined}
                data-confirm={t.confirm[command] || undefined}
              >
                {t.commands[command]}
              </button>
            ))}
          </div>
        </form>
      )}
    </section>
  );
}

/** The inspection's plan facts, as the record's heading shows them. */
export function planFacts(p: PageCtx, loaded: LoadedInspection): Array<[string, unknown]> {
  const t = p.t.inspections;
  const i = loaded.inspection;
  return [
    [t.organisation, loaded.organisationName],
    [
      t.contract,
      loaded.contractTitle ? <a href={`/contracts/${i.contractId}`}>{loaded.contractTitle}</a> : i.contractId,
    ],
    [
      t.template,
      `${p.lang === 'ja' ? i.template.title : i.template.titleEn}（${p.t.common.version} ${i.templateVersion}）`,
    ],
    [t.plannedOn, <DateText p={p} date={i.plannedOn} />],
    [t.place, i.place ?? p.t.common.none],
  ];
}
