import {
  type ControlResult,
  type CoverageStatus,
  type Crosswalk,
  STATUS_NAMES,
} from '../../../../forms/controls-crosswalk/index.js';
import { Badge } from '../components/common.js';
import type { PageCtx } from '../page-context.js';

// What the coverage pages share: a status in words (the tone only repeats them), a control's source.

const TONE: Record<CoverageStatus, string> = {
  met: 'approved',
  partial: 'submitted',
  none: 'rejected',
  not_applicable: 'closed',
};

export function CoverageBadge({ p, status }: { p: PageCtx; status: CoverageStatus }) {
  return <Badge status={TONE[status]} label={p.msg(STATUS_NAMES[status])} />;
}

export function SourceText({ p, result }: { p: PageCtx; result: ControlResult }) {
  const s = result.control.source;
  return (
    <span>
      {s.title}（{s.edition}）{s.section}
      {s.verify && <small class="hint"> {p.t.controls.verifyNote}</small>}
    </span>
  );
}

/** 「証跡あり 2／2、対象外」: each rule's figure, for the CSV and the summary. */
export function evidenceText(p: Pick<PageCtx, 'msg'>, crosswalk: Crosswalk, result: ControlResult): string {
  return result.rules
    .map((r) => {
      const label = p.msg(crosswalk.rules[r.rule].label);
      const figure =
        r.status === 'not_applicable' ? p.msg(STATUS_NAMES.not_applicable) : `${r.have}/${r.need}`;
      return `${label}: ${figure}`;
    })
    .join(' / ');
}
