import { OPEN_FINDING_STATES } from '../../../workflows/inspection/finding.machine.js';
import {
  type Blocker,
  INSPECTION_MACHINE_VERSION,
  type InspectionUseEvent,
  inspectionMachine,
} from '../../../workflows/inspection/inspection.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import type { SignOffRole } from '../../../workflows/shared/sign-off.js';
import type { Tx } from '../shared/context.js';
import { ConflictError, type Message } from '../shared/errors.js';
import { signOffContext } from '../shared/stored-snapshot.js';
import type { Command, Workflow } from '../shared/workflow.js';
import { wardSignOffChain } from '../sign-off/ward-chain.js';
import { findInspection, type Inspection } from './inspection.repository.js';

// 実地検査 on the shared step runner: planned → in progress → submitted for sign-off
// (担当者 → 係長 → 課長) → signed off; sign-off refused while items are unanswered or findings open.

export type InspectionCommand = 'start' | 'cancel' | 'submit' | 'approve' | 'send-back' | 'complete';

export interface InspectionCommandInput {
  comment?: string | null;
}

const STATE_NAMES: Record<string, Message> = {
  planned: { en: 'planned', ja: '予定' },
  in_progress: { en: 'in progress', ja: '実施中' },
  submitted: { en: 'submitted for sign-off', ja: '決裁中' },
  signed_off: { en: 'signed off', ja: '決裁済' },
  cancelled: { en: 'cancelled', ja: '中止' },
};

export const inspectionWorkflow: Workflow<Inspection> = {
  machine: inspectionMachine,
  version: INSPECTION_MACHINE_VERSION,
  subject: 'Inspection',
  name: { en: 'Inspection', ja: '実地検査' },
  table: 'inspections',
  auditPrefix: 'inspection',
  load: findInspection,
  context: (i) => ({ ...signOffContext(i), byCompany: i.inspectingOrgId !== null }),
  persist: (context) => ({ step: context.step, chain: context.chain }),
  signOff: {
    steps: 'inspection_steps',
    position: (i) => i,
    stamps: { startedBy: ['submit'], signedBy: 'approve', awaitedIn: ['submitted'] },
  },
  auditState: (i) => ({ status: i.status, step: i.step, version: i.version }),
  stateNames: STATE_NAMES,
};

/** What stands between the record and its sign-off: unanswered items and findings still open. */
async function blockersOf(tx: Tx, inspection: Inspection): Promise<Blocker[]> {
  const unanswered = await tx
    .selectFrom('inspection_items')
    .select('item_key')
    .where('ward_id', '=', inspection.wardId)
    .where('inspection_id', '=', inspection.id)
    .where('result', 'is', null)
    .orderBy('position')
    .execute();
  const open = await tx
    .selectFrom('inspection_findings')
    .select(['id', 'item_key'])
    .where('ward_id', '=', inspection.wardId)
    .where('inspection_id', '=', inspection.id)
    .where('status', 'in', [...OPEN_FINDING_STATES])
    .orderBy('created_at')
    .execute();
  return [
    ...unanswered.map((r): Blocker => ({ code: 'unanswered_item', itemKey: r.item_key })),
    ...open.map((r): Blocker => ({ code: 'open_finding', itemKey: r.item_key, findingId: r.id })),
  ];
}

/** The refusal that names what is missing: the findings still open and the items unanswered. */
function incomplete(inspection: Inspection, blockers: Blocker[]): ConflictError {
  const open = blockers.filter((b) => b.code === 'open_finding');
  const unanswered = blockers.filter((b) => b.code === 'unanswered_item');
  const keys = (list: Blocker[]) => list.map((b) => b.itemKey).join(', ');
  return new ConflictError(
    {
      en: [
        open.length &&
          `findings still open on items ${keys(open)} (close them after re-inspection, or carry them with a reason)`,
        unanswered.length && `${unanswered.length} items not yet answered (${keys(unanswered)})`,
      ]
        .filter(Boolean)
        .join('; '),
      ja: [
        open.length &&
          `改善が確認されていない指摘事項があります（確認項目 ${keys(open)}）。再確認により完了するか、理由を付して持ち越してください`,
        unanswered.length && `未確認の項目が${unanswered.length}件あります（${keys(unanswered)}）`,
      ]
        .filter(Boolean)
        .join('。'),
    },
    {
      state: inspection.status,
      openFindings: open.map((b) => ({ id: b.findingId, itemKey: b.itemKey })),
      unansweredItems: unanswered.map((b) => b.itemKey),
    },
  );
}

type Facts = { blockers: Blocker[]; chain?: SignOffRole[] };
type InspectionStep = Command<Inspection, InspectionCommandInput, Facts>;

const comment = (input: InspectionCommandInput) => input.comment ?? null;
const withComment = {
  step: { comment },
  audit: ({ input }: { input: InspectionCommandInput }) => ({ after: { comment: comment(input) } }),
};
const refuseIncomplete: InspectionStep['refusal'] = ({ record, facts, reason }) =>
  reason === 'guard' && facts?.blockers.length ? incomplete(record, facts.blockers) : undefined;

/** The inspector's steps on the record's course. */
function inspectorStep(name: 'start' | 'cancel', label: Message, type: 'START' | 'CANCEL'): InspectionStep {
  return {
    name,
    label,
    can: { action: 'update', field: 'lifecycle' },
    stepRole: 'inspector',
    ...withComment,
    event: () => ({ type }),
    apply: ({ now }) => (type === 'START' ? { started_at: now } : {}),
  };
}

export const inspectionCommands: Record<InspectionCommand, InspectionStep> = {
  start: inspectorStep('start', { en: 'start', ja: '実施開始' }, 'START'),
  cancel: inspectorStep('cancel', { en: 'cancel', ja: '中止' }, 'CANCEL'),
  // The chain is fixed when the record is submitted: the ward's chain as it stands then.
  submit: {
    name: 'submit',
    label: { en: 'submit for sign-off', ja: '決裁に回す' },
    can: { action: 'update', field: 'lifecycle' },
    stepRole: 'inspector',
    ...withComment,
    facts: async ({ tx, record }) => ({
      blockers: await blockersOf(tx, record),
      chain: await wardSignOffChain(tx, record.wardId),
    }),
    context: ({ facts }) => (facts?.chain ? { chain: facts.chain } : {}),
    event: ({ facts }) => ({ type: 'SUBMIT', blockers: facts?.blockers ?? [] }),
    refusal: refuseIncomplete,
    apply: ({ now }) => ({ submitted_at: now }),
  },
  approve: {
    name: 'approve',
    label: { en: 'sign', ja: '決裁' },
    can: { action: 'sign' },
    signs: 'current',
    ...withComment,
    facts: async ({ tx, record }) => ({ blockers: await blockersOf(tx, record) }),
    event: ({ role, facts }) => ({ type: 'APPROVE', role: role!, blockers: facts?.blockers ?? [] }),
    refusal: refuseIncomplete,
    apply: ({ next, now }) => (next.value === 'signed_off' ? { signed_off_at: now } : {}),
  },
  // A company's inspection of its sub-contractor (001 別紙7 第7条5) has no ward 決裁: the ward does
  // not sign a record of another party's supervision. The contractor's own responsible person
  // (統括責任者, contractor_manager: the `sign` ability on its company's inspections) completes it,
  // on the same rule as a signature: every item answered, no finding open. The ward reads it.
  complete: {
    name: 'complete',
    label: { en: 'complete', ja: '完了' },
    can: { action: 'sign' },
    stepRole: 'contractor',
    ...withComment,
    facts: async ({ tx, record }) => ({ blockers: await blockersOf(tx, record) }),
    event: ({ facts }) => ({ type: 'COMPLETE', blockers: facts?.blockers ?? [] }),
    refusal: refuseIncomplete,
    apply: ({ now }) => ({ submitted_at: now, signed_off_at: now }),
  },
  'send-back': {
    name: 'send-back',
    label: { en: 'send back', ja: '差戻し' },
    can: { action: 'sign' },
    signs: 'current',
    ...withComment,
    event: ({ role }) => ({ type: 'SEND_BACK', role: role! }),
  },
};

const USE_REFUSALS: Record<InspectionUseEvent['type'], Message> = {
  EDIT_PLAN: {
    en: 'The plan of this inspection cannot change now',
    ja: 'この実地検査の予定は変更できません',
  },
  RECORD_ITEM: {
    en: 'Items are recorded while the inspection is in progress',
    ja: '確認結果は実施中の実地検査にのみ記録できます',
  },
  FOLLOW_UP: {
    en: 'Findings are followed up while the inspection is in progress',
    ja: '指摘事項の改善報告・再確認・持越しは実施中の実地検査でのみ行えます',
  },
};

/** Refuses with 409 what the inspection's state does not allow: the inspection machine answers. */
export function checkInspectionAllows(
  inspection: Pick<Inspection, 'status'>,
  event: InspectionUseEvent,
): void {
  const refused = inspectionRefuses(inspection, event);
  if (refused) throw refused;
}

/** The 409 for what the inspection's state does not allow, or undefined when it does. */
export function inspectionRefuses(
  inspection: Pick<Inspection, 'status'>,
  event: InspectionUseEvent,
): ConflictError | undefined {
  if (decide(inspectionMachine, inspection.status, event, { chain: [], step: 0 }).allowed) return undefined;
  const state = STATE_NAMES[inspection.status] ?? { en: inspection.status, ja: inspection.status };
  const base =
    event.type === 'EDIT_PLAN' && event.changesDate && inspection.status === 'in_progress'
      ? {
          en: 'The date of an inspection in progress cannot change',
          ja: '実施中の実地検査の予定日は変更できません',
        }
      : USE_REFUSALS[event.type];
  return new ConflictError(
    { en: `${base.en} (it is ${state.en})`, ja: `${base.ja}（現在の状態: ${state.ja}）` },
    { state: inspection.status, event: event.type },
  );
}
