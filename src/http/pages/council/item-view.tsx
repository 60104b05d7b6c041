import type { CouncilReportContent } from '../../../domain/council/council-report-content.js';
import { mediaPhrase } from '../../../domain/council/council-report-content.js';
import { Details, Lines, Period } from '../components/common.js';
import type { PageCtx } from '../page-context.js';

/**
 * 報告事項 as seed 003 lays it out: 件名, 保有課, 委託先, 情報項目 by direction, 記録媒体, 対策. A
 * sub-contract's item speaks of 再委託 in every heading, as its PDF does.
 */
export function CouncilItemView({
  p,
  content,
  pendingSelection,
}: {
  p: PageCtx;
  content: CouncilReportContent;
  /** 選定方法 while the contractor is not chosen: shown instead of the company. */
  pendingSelection?: string | null;
}) {
  const base = p.t.council.content;
  const t = content.kind === 'subdelegation' ? { ...base, ...p.t.council.cover.sub } : base;
  const items = (direction: 'collected' | 'provided') =>
    content.items[direction].map(
      (g) => `【${g.group}】${g.items.join('、')}${g.includesPastYears ? t.pastYears : ''}`,
    );
  const certifications = content.contractor.certifications.map((c) => p.t.contracts.certifications[c] ?? c);
  return (
    <Details
      rows={[
        [t.subject, content.subject],
        [t.department, content.department],
        [t.businessName, content.businessName],
        [
          t.contractor,
          pendingSelection ? p.t.council.cover.pending(pendingSelection) : content.contractor.name,
        ],
        [t.selection, [content.contractor.selectionMethod ?? '—', ...certifications].join(' / ')],
        ...(content.subcontractor
          ? [
              [
                t.subcontractor,
                [
                  content.subcontractor.name,
                  ...(content.subcontractor.certifications ?? []).map(
                    (c) => p.t.contracts.certifications[c] ?? c,
                  ),
                ].join(' / '),
              ] as [string, string],
            ]
          : []),
        [t.collected, <Lines p={p} lines={items('collected')} />],
        [t.provided, <Lines p={p} lines={items('provided')} />],
        [t.media, mediaPhrase(content.media) || '—'],
        [t.reason, content.reason || '—'],
        [t.content, content.content || '—'],
        [t.period, <Period p={p} from={content.period.from} to={content.period.to} />],
        [
          `${t.wardMeasures}（${p.t.contracts.fields.operational}）`,
          <Lines p={p} lines={content.wardMeasures.operational} />,
        ],
        [
          `${t.wardMeasures}（${p.t.contracts.fields.system}）`,
          <Lines p={p} lines={content.wardMeasures.system} />,
        ],
        [
          `${t.contractorMeasures}（${p.t.contracts.fields.operational}）`,
          <Lines p={p} lines={content.contractorMeasures.operational} />,
        ],
        [
          `${t.contractorMeasures}（${p.t.contracts.fields.system}）`,
          <Lines p={p} lines={content.contractorMeasures.system} />,
        ],
        ...(content.supervisionMethod
          ? [[t.supervision, content.supervisionMethod] as [string, string]]
          : []),
      ]}
    />
  );
}
