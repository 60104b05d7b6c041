import type { Approval } from '../../../domain/approvals/approval.repository.js';
import type { ApprovalSortKey } from '../../../domain/approvals/read-approvals.js';
import type { Contract } from '../../../domain/contracts/contract.repository.js';
import { Badge, TableWrap, TimeText } from '../components/common.js';
import { ChoiceGroup, Csrf, fields } from '../components/form.js';
import { roleLabel } from '../components/sign-off.js';
import { SortableHeading, type SortState } from '../components/sortable.js';
import type { PageCtx } from '../page-context.js';
import { type ContractNames, ContractTable } from './list.page.js';

/**
 * Applications as a table, or as cards on a phone (each cell labelled by its column). With `sort`
 * (the list page), the sortable columns' headings sort the list in SQL.
 */
export function ApprovalTable({
  p,
  items,
  caption,
  sort,
}: {
  p: PageCtx;
  items: Approval[];
  caption: string;
  sort?: { current: SortState<ApprovalSortKey> | undefined };
}) {
  const t = p.t.approvals;
  if (!items.length) return <p>{p.t.common.empty}</p>;
  const heading = (label: string, column?: ApprovalSortKey) =>
    sort && column ? (
      <SortableHeading p={p} label={label} column={column} sort={sort.current} />
    ) : (
      <th scope="col">{label}</th>
    );
  return (
    <TableWrap p={p} label={caption}>
      <table class="cards">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            {heading(t.number, 'number')}
            {heading(t.subject, 'title')}
            {heading(t.kind)}
            {heading(t.status, 'status')}
            {heading(t.awaiting)}
            {heading(t.created, 'createdAt')}
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr>
              <td class="nowrap" data-label={t.number}>
                {a.number}
              </td>
              <td data-label={t.subject}>
                <a href={`/approvals/${a.id}`}>{a.application.title}</a>
              </td>
              <td data-label={t.kind}>{t.kinds[a.kind]}</td>
              <td data-label={t.status}>
                <Badge status={a.status} label={p.t.status.approval[a.status]} />
              </td>
              <td data-label={t.awaiting}>
                {a.status === 'under_review' && a.chain[a.step] ? roleLabel(p, a.chain[a.step]!) : '—'}
              </td>
              <td class="nowrap" data-label={t.created}>
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
