import type { InspectionCommand } from '../../../domain/inspections/act-on-inspection.js';
import type { Inspection } from '../../../domain/inspections/inspection.repository.js';
import { DateText, TableWrap, TimeText } from '../components/common.js';
import { Csrf } from '../components/form.js';
import type { PageCtx } from '../page-context.js';
import type { LoadedInspection } from './parts.js';

type Steps = LoadedInspection['steps'];

/** 決裁欄: one box per role of the chain, stamped when that role signed since the last submission. */
export function Stamps({ p, inspection, steps }: { p: PageCtx; inspection: Inspection; steps: Steps }) {
  const t = p.t.inspections;
  if (!inspection.chain.length) return null;
  const lastSubmit = Math.max(0, ...steps.filter((s) => s.decision === 'submit').map((s) => s.seq));
  return (
    <ul class="stamps" aria-label={t.stamps}>
      {inspection.chain.map((role, index) => {
        const signed = steps.find((s) => s.seq > lastSubmit && s.role === role && s.decision === 'approve');
        const waiting = inspection.status === 'submitted' && inspection.step === index;
        return (
          <li>
            <span class="role">{p.t.roles.signOff[role]}</span>
            {signed ? (
              <span class="signed">
                {t.stampSigned} <TimeText at={signed.at} />
              </span>
            ) : waiting ? (
              <span>{t.stampAwaiting}</span>
            ) : (
              <span aria-hidden="true">—</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function StepLog({ p, steps }: { p: PageCtx; steps: Steps }) {
  const t = p.t.inspections;
  if (!steps.length) return <p>{p.t.common.empty}</p>;
  return (
    <TableWrap p={p} label={t.steps}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.stepAt}</th>
            <th scope="col">{t.stepRole}</th>
            <th scope="col">{t.actions}</th>
            <th scope="col">{p.t.common.comment}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr>
              <td>
                <TimeText at={s.at} />
              </td>
              <td>{p.t.roles.signOff[s.role] ?? t.stepRoles[s.role] ?? s.role}</td>
              <td>{t.stepDecisions[s.decision] ?? s.decision}</td>
              <td>{s.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

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
