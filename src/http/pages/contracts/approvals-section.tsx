import type { Approval } from '../../../domain/approvals/approval.repository.js';
import type { Contract } from '../../../domain/contracts/contract.repository.js';
import { Badge, TableWrap, TimeText } from '../components/common.js';
import { ChoiceGroup, Csrf, fields } from '../components/form.js';
import { roleLabel } from '../components/sign-off.js';
import type { PageCtx } from '../page-context.js';
import { type ContractNames, ContractTable } from './list.page.js';

export function ApprovalTable({ p, items, caption }: { p: PageCtx; items: Approval[]; caption: string }) {
  const t = p.t.approvals;
  if (!items.length) return <p>{p.t.common.empty}</p>;
  return (
    <TableWrap p={p} label={caption}>
      <table>
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.number}</th>
            <th scope="col">{t.subject}</th>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.awaiting}</th>
            <th scope="col">{t.created}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr>
              <td class="nowrap">{a.number}</td>
              <td>
                <a href={`/approvals/${a.id}`}>{a.application.title}</a>
              </td>
              <td>{t.kinds[a.kind]}</td>
              <td>
                <Badge status={a.status} label={p.t.status.approval[a.status]} />
              </td>
              <td>{a.status === 'under_review' && a.chain[a.step] ? roleLabel(p, a.chain[a.step]!) : '—'}</td>
              <td class="nowrap">
                <TimeText at={a.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** 承認申請 and 再委託 on a contract's page, with the applications the viewer may start. */
export function ApprovalsSection({
  p,
  contract,
  approvals,
  subcontracts,
  names,
  mayApplyDelegation,
  mayApplySubcontract,
  subcontractLimits = [],
}: {
  p: PageCtx;
  contract: Contract;
  approvals: Approval[];
  subcontracts: Contract[];
  names: ContractNames;
  mayApplyDelegation: boolean;
  mayApplySubcontract: boolean;
  /** why this contractor may not sub-contract at all (depth limit, 丙 第11項), in the reader's language */
  subcontractLimits?: string[];
}) {
  const t = p.t.contracts;
  return (
    <>
      <section aria-labelledby="approvals">
        <h2 id="approvals">{t.approvals}</h2>
        <ApprovalTable p={p} items={approvals} caption={t.approvals} />
        {mayApplyDelegation && (
          <form method="post" action={`/contracts/${contract.id}/delegation-approval`}>
            <Csrf p={p} />
            <ChoiceGroup
              p={p}
              f={fields({ councilMode: 'report' })}
              name="councilMode"
              legend={t.councilMode}
              type="radio"
              options={['report', 'consult'].map((m) => ({ value: m, label: t.councilModes[m]! }))}
            />
            <button type="submit">
              {approvals.some((a) => a.kind === 'delegation' && a.status === 'approved')
                ? t.applyChange
                : t.applyDelegation}
            </button>
          </form>
        )}
      </section>
      <section aria-labelledby="subcontracts">
        <h2 id="subcontracts">{t.subcontracts}</h2>
        {mayApplySubcontract && (
          <p class="actions">
            <a class="button" href={`/contracts/${contract.id}/subcontract/new`}>
              {t.applySubcontract}
            </a>
          </p>
        )}
        {subcontractLimits.map((text) => (
          <p class="note">{text}</p>
        ))}
        {subcontracts.length ? (
          <ContractTable p={p} items={subcontracts} names={names} />
        ) : (
          <p>{t.noSubcontracts}</p>
        )}
      </section>
    </>
  );
}
