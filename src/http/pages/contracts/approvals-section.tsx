import type { Approval } from '../../../domain/approvals/approval.repository.js';
import type { ApprovalSortKey } from '../../../domain/approvals/read-approvals.js';
import type { Contract } from '../../../domain/contracts/contract.repository.js';
import { csvInstant } from '../../../domain/shared/csv-values.js';
import { Badge, TimeText } from '../components/common.js';
import { ChoiceGroup, Csrf, fields } from '../components/form.js';
import { type ListColumn, ListTable } from '../components/list-table.js';
import { roleLabel } from '../components/sign-off.js';
import type { SortState } from '../components/sortable.js';
import type { PageCtx } from '../page-context.js';
import { type ContractNames, ContractTable } from './list.page.js';

/** An application's columns, on the page and in the CSV (the sortable ones by their key). */
export function approvalColumns(p: PageCtx): ListColumn<Approval, ApprovalSortKey>[] {
  const t = p.t.approvals;
  const awaiting = (a: Approval) =>
    a.status === 'under_review' && a.chain[a.step] ? roleLabel(p, a.chain[a.step]!) : '';
  return [
    { label: t.number, sort: 'number', nowrap: true, cell: (a) => a.number, csv: (a) => a.number },
    {
      label: t.subject,
      sort: 'title',
      cell: (a) => <a href={`/approvals/${a.id}`}>{a.application.title}</a>,
      csv: (a) => a.application.title,
    },
    { label: t.kind, cell: (a) => t.kinds[a.kind], csv: (a) => t.kinds[a.kind] ?? a.kind },
    {
      label: t.status,
      sort: 'status',
      cell: (a) => <Badge status={a.status} label={p.t.status.approval[a.status]} />,
      csv: (a) => p.t.status.approval[a.status] ?? a.status,
    },
    { label: t.awaiting, cell: (a) => awaiting(a) || '—', csv: awaiting },
    {
      label: t.created,
      sort: 'createdAt',
      nowrap: true,
      cell: (a) => <TimeText at={a.createdAt} />,
      csv: (a) => csvInstant(a.createdAt),
    },
  ];
}

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
  return <ListTable p={p} label={caption} items={items} columns={approvalColumns(p)} sort={sort} />;
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
