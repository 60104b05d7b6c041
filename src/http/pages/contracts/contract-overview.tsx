import type { Child } from 'hono/jsx';
import type { Contract } from '../../../domain/contracts/contract.repository.js';
import { Badge, DateText, Details, Lines, Period, TimeText } from '../components/common.js';
import type { PageCtx } from '../page-context.js';
import type { ContractNames } from './list.page.js';

/** 契約の内容: the particulars as the seeds' forms list them. */
export function Overview({ p, k, names }: { p: PageCtx; k: Contract; names: ContractNames }) {
  const t = p.t.contracts;
  const f = t.fields;
  return (
    <Details
      rows={[
        [f.status, <Badge status={k.status} label={p.t.status.contract[k.status]} />],
        ...(k.followedParentFrom
          ? [
              [
                t.endedWithParentLabel,
                t.endedWithParent(p.t.status.contract[k.followedParentFrom] ?? k.followedParentFrom),
              ] as [string, Child],
            ]
          : []),
        [t.startedAt, k.startedAt ? <TimeText at={k.startedAt} /> : t.notStarted],
        ...(k.importedAt
          ? [[p.t.imports.importedRecord, <TimeText at={k.importedAt} />] as [string, Child]]
          : []),
        ...(k.termination
          ? [
              [t.termination, <DateText p={p} date={k.termination.terminatedOn} />] as [string, Child],
              [t.terminationArticle, k.termination.article] as [string, Child],
              [t.terminationReason, k.termination.reason] as [string, Child],
            ]
          : []),
        [f.contractNumber, k.contractNumber ?? '—'],
        [f.ward, names.org.get(k.wardId) ?? '—'],
        [f.departmentId, names.dept.get(k.departmentId) ?? '—'],
        [f.contractorOrgId, names.org.get(k.contractorOrgId) ?? '—'],
        [f.depth, t.depthLabel(k.depth)],
        [f.contractDate, <DateText p={p} date={k.contractDate} />],
        [f.period, <Period p={p} from={k.periodFrom} to={k.periodTo} />],
        [f.amountYen, k.amountYen ? `${Number(k.amountYen).toLocaleString('ja-JP')}円` : '—'],
        [f.place, k.place ?? '—'],
        [f.handlesPersonalInfo, t.handles[String(k.handlesPersonalInfo)]],
        [f.processingModes, <Lines p={p} lines={k.processingModes.map((m) => t.modes[m] ?? m)} />],
        [f.selectionMethod, k.selectionMethod ?? '—'],
        [
          f.requiredCertifications,
          <Lines p={p} lines={k.requiredCertifications.map((m) => t.certifications[m] ?? m)} />,
        ],
        [f.workDescription, k.workDescription ?? '—'],
        [f.reason, k.reason ?? '—'],
        [`${f.wardMeasures}（${f.operational}）`, <Lines p={p} lines={k.wardMeasures.operational} />],
        [`${f.wardMeasures}（${f.system}）`, <Lines p={p} lines={k.wardMeasures.system} />],
        [
          `${f.contractorMeasures}（${f.operational}）`,
          <Lines p={p} lines={k.contractorMeasures.operational} />,
        ],
        [`${f.contractorMeasures}（${f.system}）`, <Lines p={p} lines={k.contractorMeasures.system} />],
      ]}
    />
  );
}
