import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import {
  type InspectionEvent,
  inspectionMachine,
} from '../../../../workflows/inspection/inspection.machine.js';
import { decide } from '../../../../workflows/shared/decide.js';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import type { InspectionCommand } from '../../../domain/inspections/act-on-inspection.js';
import type { Finding } from '../../../domain/inspections/finding.repository.js';
import type { Inspection } from '../../../domain/inspections/inspection.repository.js';
import { isOverdue } from '../../../domain/inspections/inspection-view.js';
import { getInspection } from '../../../domain/inspections/read-inspections.js';
import { isAppError } from '../../../domain/shared/errors.js';
import { signerRole } from '../../../domain/shared/sign-off.js';
import { fiscalYearLabel } from '../../../domain/shared/wareki.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge } from '../components/common.js';
import type { PageCtx, Viewer } from '../page-context.js';

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

/** Whether the viewer may record answers (監督員 and named 補助者) on this inspection now. */
export function mayRecord(viewer: Viewer, inspection: Inspection): boolean {
  return (
    inspection.status === 'in_progress' &&
    viewer.ability.can('update', asSubject('Inspection', inspection), 'items')
  );
}

/** Whether the viewer may run the inspection (plan, start, submit, carry findings). */
export function mayRun(viewer: Viewer, inspection: Inspection): boolean {
  return viewer.ability.can('update', asSubject('Inspection', inspection), 'lifecycle');
}

/**
 * The steps offered to the viewer: what the policies allow and the inspection machine accepts in
 * this state from the viewer's role — the machine actOnInspection asks. Completeness (items
 * answered, findings closed) is left to the use case, whose refusal the page shows with its reason.
 */
export function offeredCommands(viewer: Viewer, inspection: Inspection): InspectionCommand[] {
  const context = { chain: inspection.chain, step: inspection.step };
  const allowed = (event: InspectionEvent) =>
    decide(inspectionMachine, inspection.status, event, context).allowed;
  const offered: InspectionCommand[] = [];
  if (mayRun(viewer, inspection)) {
    if (allowed({ type: 'START' })) offered.push('start');
    if (allowed({ type: 'SUBMIT', blockers: [] })) offered.push('submit');
    if (allowed({ type: 'CANCEL' })) offered.push('cancel');
  }
  if (viewer.ability.can('sign', asSubject('Inspection', inspection)) && inspection.status === 'submitted') {
    const role = signerRole(viewer.actor, inspection.chain, inspection.chain[inspection.step]);
    if (viewer.actor.roles.includes(role)) {
      if (allowed({ type: 'APPROVE', role, blockers: [] })) offered.push('approve');
      if (allowed({ type: 'SEND_BACK', role })) offered.push('send-back');
    }
  }
  return offered;
}

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
