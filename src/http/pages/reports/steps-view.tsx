import { TableWrap, TimeText } from '../components/common.js';
import type { PageCtx } from '../page-context.js';

/** One recorded step of a report or an incident (who, what, when, with which comment). */
export interface StepRow {
  seq: number;
  role: string;
  decision: string;
  comment: string | null;
  at: Date;
}

/**
 * 決裁欄: one box per role of the chain, stamped when that role signed after the round began
 * (`roundStart`: the decision that restarts the chain — 受付 for a report, the response for an
 * incident).
 */
export function Stamps({
  p,
  chain,
  steps,
  roundStart,
  awaitedIndex,
}: {
  p: PageCtx;
  chain: string[];
  steps: StepRow[];
  roundStart: string;
  awaitedIndex: number | null;
}) {
  const t = p.t.reports;
  const start = Math.max(0, ...steps.filter((s) => s.decision === roundStart).map((s) => s.seq));
  return (
    <ul class="stamps" aria-label={t.stamps}>
      {chain.map((role, index) => {
        const signed = steps.find((s) => s.seq > start && s.role === role && s.decision === 'sign');
        return (
          <li>
            <span class="role">{p.t.roles.signOff[role] ?? role}</span>
            {signed ? (
              <span class="signed">
                {t.signed} <TimeText at={signed.at} />
              </span>
            ) : awaitedIndex === index ? (
              <span>{t.awaiting}</span>
            ) : (
              <span aria-hidden="true">—</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The history as a table: when, in which role, which step, and the comment. */
export function StepLog({
  p,
  steps,
  label,
  decisions,
}: {
  p: PageCtx;
  steps: StepRow[];
  label: string;
  decisions: Record<string, string>;
}) {
  const t = p.t.reports;
  if (!steps.length) return <p>{p.t.common.empty}</p>;
  const roleName = (role: string) =>
    p.t.roles.signOff[role] ?? (['contractor', 'reporter'].includes(role) ? t.roleContractor : role);
  return (
    <TableWrap p={p} label={label}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.at}</th>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.decision}</th>
            <th scope="col">{p.t.common.comment}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr>
              <td>
                <TimeText at={s.at} />
              </td>
              <td>{roleName(s.role)}</td>
              <td>{decisions[s.decision] ?? s.decision}</td>
              <td class="pre">{s.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
