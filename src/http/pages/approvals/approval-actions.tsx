import type { ApprovalCommand } from '../../../domain/approvals/act-on-approval.js';
import type { Approval } from '../../../domain/approvals/approval.repository.js';
import { Csrf } from '../components/form.js';
import type { PageCtx } from '../page-context.js';

/**
 * The steps the viewer may take now, as one form: one comment, one button per step (each button
 * posts to its own command). The council's answer needs its own fields, shown only when offered.
 */
export function ApprovalActions({
  p,
  approval,
  commands,
}: {
  p: PageCtx;
  approval: Approval;
  commands: ApprovalCommand[];
}) {
  const t = p.t.approvals;
  const url = (command: ApprovalCommand) => `/approvals/${approval.id}/${command}`;
  return (
    <section aria-labelledby="approval-actions" class="no-print">
      <h2 id="approval-actions">{t.actions}</h2>
      {commands.length === 0 ? (
        <p>{t.noActions}</p>
      ) : (
        <form method="post" action={url(commands[0]!)} novalidate class="decision">
          <Csrf p={p} />
          <input type="hidden" name="version" value={String(approval.version)} />
          {commands.includes('council-answer') && (
            <>
              <div class="field">
                <label for="f-answer">{t.answer}</label>
                <select id="f-answer" name="answer" class="short">
                  {['approve', 'reject'].map((a) => (
                    <option value={a}>{t.answers[a]}</option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="f-answeredOn">{t.answeredOn}</label>
                <input type="date" id="f-answeredOn" name="answeredOn" />
              </div>
            </>
          )}
          <div class="field">
            <label for="f-comment">{p.t.common.commentOptional}</label>
            <textarea id="f-comment" name="comment" rows={3} />
          </div>
          <div class="actions">
            {commands.map((command) => (
              <button
                type="submit"
                formaction={url(command)}
                class={['reject', 'revoke', 'send-back'].includes(command) ? 'danger' : undefined}
                data-confirm={t.confirm[command]}
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
