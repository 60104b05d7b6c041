import type { Context } from 'hono';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import type { Finding } from '../../../domain/inspections/finding.repository.js';
import { isOverdue } from '../../../domain/inspections/inspection-view.js';
import { getInspection } from '../../../domain/inspections/read-inspections.js';
import { isAppError } from '../../../domain/shared/errors.js';
import { fiscalYearLabel } from '../../../domain/shared/wareki.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge } from '../components/common.js';
import type { PageCtx } from '../page-context.js';

// What the inspection pages share: loading one inspection with the names a page shows, the
// flattened checklist, the status badges and the steps the viewer is offered.

const STATE_TONES: Record<string, string> = {
  planned: 'draft',
  in_progress: 'submitted',
  submitted: 'under_review',
  signed_off: 'approved',
  cancelled: 'closed',
};
const FINDING_TONES: Record<string, string> = {
  open: 'changes_requested',
  reported: 'submitted',
  closed: 'approved',
  carried: 'closed',
};

export function StateBadge({ p, status }: { p: PageCtx; status: string }) {
  return <Badge status={STATE_TONES[status] ?? status} label={p.t.inspections.states[status]} />;
}

export function FindingBadge({ p, finding, today }: { p: PageCtx; finding: Finding; today: string }) {
  return (
    <>
      <Badge
        status={FINDING_TONES[finding.status] ?? finding.status}
        label={p.t.inspections.findingStates[finding.status]}
      />
      {isOverdue(finding, today) && (
        <>
          {' '}
          <Badge status="rejected" label={p.t.inspections.overdue} />
        </>
      )}
    </>
  );
}

export function fyText(p: PageCtx, fy: number): string {
  return p.t.inspections.fiscalYearLabel(fiscalYearLabel(fy), fy);
}

/** One inspection as a page shows it: the record, the contract's title and the organisation's name
 * (each only if the viewer may read it). */
export async function loadInspection(c: Context<AppEnv>, id: string) {
  const ctx = useCaseContext(c);
  const detail = await getInspection(ctx, id);
  const names = await organisationNames(ctx, [detail.inspection.organisationId]);
  let contractTitle: string | null = null;
  try {
    contractTitle = (await getContract(ctx, detail.inspection.contractId)).title;
  } catch (error) {
    if (!isAppError(error)) throw error;
  }
  const items = detail.sections.flatMap((section) =>
    section.groups.flatMap((group) => group.items.map((item) => ({ section, group, item }))),
  );
  return {
    ...detail,
    items,
    contractTitle,
    organisationName: names.get(detail.inspection.organisationId) ?? detail.inspection.organisationId,
  };
}
export type LoadedInspection = Awaited<ReturnType<typeof loadInspection>>;

/** The item a path names, with its neighbours, or undefined. */
export function itemAt(loaded: LoadedInspection, key: string) {
  const index = loaded.items.findIndex((i) => i.item.key === key);
  if (index < 0) return undefined;
  return {
    index,
    entry: loaded.items[index]!,
    previous: loaded.items[index - 1]?.item.key,
    next: loaded.items[index + 1]?.item.key,
  };
}
