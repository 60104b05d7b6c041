import type { Contract } from '../../../domain/contracts/contract.repository.js';
import type { Inspection } from '../../../domain/inspections/inspection.repository.js';
import { isOverdue } from '../../../domain/supervision/read-report-requests.js';
import {
  type ContractSupervision,
  companyInspectionTemplates,
} from '../../../domain/supervision/read-supervision.js';
import type { ReportRequest } from '../../../domain/supervision/report-request.repository.js';
import { Badge, DateText, TableWrap } from '../components/common.js';
import { Csrf, fields, SelectField, TextField } from '../components/form.js';
import { StateBadge } from '../inspections/parts.js';
import type { PageCtx } from '../page-context.js';

/** A company's inspection is 完了 where the ward's own is 決裁済. */
export function CompanyInspectionState({ p, inspection }: { p: PageCtx; inspection: Inspection }) {
  return inspection.status === 'signed_off' ? (
    <Badge status="approved" label={p.t.supervision.completed} />
  ) : (
    <StateBadge p={p} status={inspection.status} />
  );
}

/** The report requests as a table: topic, who asked whom, due date, state. */
export function ReportRequestTable({
  p,
  items,
  names,
  contracts,
  caption,
  today,
}: {
  p: PageCtx;
  items: ReportRequest[];
  names: Map<string, string>;
  contracts?: Map<string, string>;
  caption: string;
  today: string;
}) {
  const t = p.t.supervision;
  if (!items.length) return <p>{t.none}</p>;
  return (
    <TableWrap p={p} label={caption}>
      <table class="cards">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.fields.topic}</th>
            {contracts && <th scope="col">{t.fields.contract}</th>}
            <th scope="col">{t.fields.requester}</th>
            <th scope="col">{t.fields.subject}</th>
            <th scope="col">{t.fields.dueOn}</th>
            <th scope="col">{t.fields.status}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr>
              <td data-label={t.fields.topic}>
                <a href={`/report-requests/${r.id}`}>{r.topic}</a>
              </td>
              {contracts && <td data-label={t.fields.contract}>{contracts.get(r.contractId) ?? '—'}</td>}
              <td data-label={t.fields.requester}>{names.get(r.requesterOrgId) ?? '—'}</td>
              <td data-label={t.fields.subject}>{names.get(r.subjectOrgId) ?? '—'}</td>
              <td class="nowrap" data-label={t.fields.dueOn}>
                <DateText p={p} date={r.dueOn} />
              </td>
              <td data-label={t.fields.status}>
                {/* one element: a phone's card gives each child of a cell a grid cell of its own */}
                <span>
                  <Badge
                    status={r.status === 'accepted' ? 'approved' : r.status}
                    label={t.status[r.status]}
                  />{' '}
                  {isOverdue(r, today) && <Badge status="rejected" label={t.overdue} />}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * 再委託先の監督 on a contract's page: the contractor's inspections of this contract's company and
 * the reports asked of it, with the ways to ask or inspect that the viewer has.
 */
export function SupervisionSection({
  p,
  contract,
  view,
  names,
  today,
}: {
  p: PageCtx;
  contract: Contract;
  view: ContractSupervision;
  names: Map<string, string>;
  today: string;
}) {
  const t = p.t.supervision;
  const it = p.t.inspections;
  return (
    <section aria-labelledby="supervision">
      <h2 id="supervision">{t.section}</h2>
      <p>{t.sectionIntro}</p>
      <h3>{t.inspections}</h3>
      {view.inspections.length === 0 ? (
        <p>{t.noInspections}</p>
      ) : (
        <TableWrap p={p} label={t.inspections}>
          <table>
            <caption class="sr-only">{t.inspections}</caption>
            <thead>
              <tr>
                <th scope="col">{t.fields.plannedOn}</th>
                <th scope="col">{t.inspectedBy}</th>
                <th scope="col">{t.fields.status}</th>
              </tr>
            </thead>
            <tbody>
              {view.inspections.map((i) => (
                <tr>
                  <td>
                    <a href={`/inspections/${i.id}`}>
                      <DateText p={p} date={i.plannedOn} />
                    </a>
                  </td>
                  <td>{names.get(i.inspectingOrgId ?? '') ?? '—'}</td>
                  <td>
                    <CompanyInspectionState p={p} inspection={i} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {view.mayInspect && (
        <form method="post" action={`/contracts/${contract.id}/company-inspections`} novalidate>
          <h4>{t.planInspection}</h4>
          <Csrf p={p} />
          <SelectField
            p={p}
            f={fields({ templateKey: 'toshima-protection' })}
            name="templateKey"
            label={it.template}
            options={companyInspectionTemplates().map((tpl) => ({
              value: tpl.key,
              label: p.lang === 'ja' ? tpl.title : tpl.titleEn,
            }))}
          />
          <TextField
            p={p}
            f={fields({ plannedOn: today })}
            name="plannedOn"
            label={t.fields.plannedOn}
            type="date"
            short
            required
          />
          <div class="actions">
            <button type="submit" class="secondary">
              {t.planInspection}
            </button>
          </div>
        </form>
      )}
      <h3>{t.listTitle}</h3>
      <ReportRequestTable
        p={p}
        items={view.reportRequests}
        names={names}
        caption={t.listTitle}
        today={today}
      />
      {view.mayRequest && (
        <p class="actions">
          <a class="button" href={`/contracts/${contract.id}/report-requests/new`}>
            {t.ask}
          </a>
        </p>
      )}
    </section>
  );
}
