import type { ApprovalCommand } from '../../../domain/approvals/act-on-approval.js';
import type { Approval } from '../../../domain/approvals/approval.repository.js';
import { Csrf, fieldId } from '../components/form.js';
import type { PageCtx } from '../page-context.js';

/** One form per step the viewer may take now, each with its optional comment. */
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
  return (
    <section aria-labelledby="approval-actions">
      <h2 id="approval-actions">{t.actions}</h2>
      {commands.length === 0 ? (
        <p>{t.noActions}</p>
      ) : (
        <div class="action-forms">
          {commands.map((command) => {
            const id = (name: string) => fieldId(`${command}-${name}`);
            return (
              <form method="post" action={`/approvals/${approval.id}/${command}`}>
                <Csrf p={p} />
                <input type="hidden" name="version" value={String(approval.version)} />
                {command === 'council-answer' && (
                  <>
                    <div class="field">
                      <label for={id('answer')}>{t.answer}</label>
                      <select id={id('answer')} name="answer">
                        {['approve', 'reject'].map((a) => (
                          <option value={a}>{t.answers[a]}</option>
                        ))}
                      </select>
                    </div>
                    <div class="field">
                      <label for={id('answeredOn')}>{t.answeredOn}</label>
                      <input type="date" id={id('answeredOn')} name="answeredOn" required />
                    </div>
                  </>
                )}
                <div class="field">
                  <label for={id('comment')}>{p.t.common.commentOptional}</label>
                  <textarea id={id('comment')} name="comment" rows={2} />
                </div>
                <button
                  type="submit"
                  class={['reject', 'revoke', 'send-back'].includes(command) ? 'danger' : undefined}
                  data-confirm={t.confirm[command]}
                >
                  {t.commands[command]}
                </button>
              </form>
            );
          })}
        </div>
      )}
    </section>
  );
}
