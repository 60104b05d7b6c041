import { stepRoleName } from '../../../domain/sign-off/role-names.js';
import type { SignOffStep } from '../../../domain/sign-off/sign-off-steps.js';
import type { StampBox } from '../../../domain/sign-off/stamp-boxes.js';
import type { PageCtx } from '../page-context.js';
import { TableWrap, TimeText } from './common.js';

// 決裁欄 and the history of steps, the same on every record with a sign-off (approvals,
// inspections, compliance reports, incidents). The boxes come from the domain (stamp-boxes.ts);
// role names are defined once there.

/** A role of a step as people read it: 係長, or "Chief (係長)" in English. */
export function roleLabel(p: PageCtx, role: string): string {
  const ja = stepRoleName(role, 'ja', p.words);
  return p.lang === 'ja' ? ja : `${stepRoleName(role, 'en', p.words)} (${ja})`;
}

/** One box per role of the chain: stamped with the date (and signer), awaited, or empty. */
export function StampBoxes({ p, boxes }: { p: PageCtx; boxes: StampBox[] }) {
  const t = p.t.signOff;
  if (!boxes.length) return null;
  return (
    <ul class="stamps" aria-label={t.stamps}>
      {boxes.map((box) => (
        <li>
          <span class="role">{roleLabel(p, box.role)}</span>
          {box.signed ? (
            <span class="signed">
              {t.signed} <TimeText at={box.signed.at} />
              {box.signed.userName && <span class="signer"> {box.signed.userName}</span>}
            </span>
          ) : box.awaiting ? (
            <span>{t.awaiting}</span>
          ) : (
            <span aria-hidden="true">—</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The history as a table: when, in which role, which step, by whom, and the comment. */
export function StepLog({
  p,
  steps,
  label,
  decisions,
}: {
  p: PageCtx;
  steps: SignOffStep[];
  label: string;
  decisions: Record<string, string>;
}) {
  const t = p.t.signOff;
  if (!steps.length) return <p>{p.t.common.empty}</p>;
  return (
    <TableWrap p={p} label={label}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.at}</th>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.decision}</th>
            <th scope="col">{t.by}</th>
            <th scope="col">{p.t.common.comment}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr>
              <td class="nowrap">
                <TimeText at={s.at} />
              </td>
              <td>{roleLabel(p, s.role)}</td>
              <td>{decisions[s.decision] ?? s.decision}</td>
              <td>{s.userName ?? '—'}</td>
              <td class="pre">{s.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
