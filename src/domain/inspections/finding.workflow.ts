import { findingMachine } from '../../../workflows/inspection/finding.machine.js';
import { chainOf } from '../shared/chain-membership.js';
import { ConflictError, notFound } from '../shared/errors.js';
import type { Command, Workflow } from '../shared/workflow.js';
import { checkEvidence } from './evidence.js';
import { type Finding, findFinding } from './finding.repository.js';
import { findInspection, type Inspection } from './inspection.repository.js';
import { inspectionRefuses } from './inspection.workflow.js';

// 指摘事項 on the shared step runner. The inspected company's manager reports its improvement
// (改善報告, with evidence files); the inspector carries an open finding with a reason (持越し) so
// that the record can be signed off. Both while the inspection is in progress.

export const FINDING_MACHINE_VERSION = 1;

/** A finding with the inspection it belongs to (read, not locked: its items are saved meanwhile). */
export type FindingInInspection = Finding & { inspection: Inspection };

export const findingWorkflow: Workflow<FindingInInspection> = {
  machine: findingMachine,
  version: FINDING_MACHINE_VERSION,
  subject: 'Finding',
  name: { en: 'Finding', ja: '指摘事項' },
  table: 'inspection_findings',
  auditPrefix: 'finding',
  // FOR SHARE on the inspection first, as when its items are saved: never while it is submitted.
  load: async (db, id, lock) => {
    const found = await findFinding(db, id);
    if (!found) return undefined;
    if (lock) {
      await db
        .selectFrom('inspections')
        .select('id')
        .where('id', '=', found.inspectionId)
        .forShare()
        .execute();
    }
    const finding = lock ? await findFinding(db, id, true) : found;
    const inspection = await findInspection(db, found.inspectionId);
    if (!finding || !inspection) return undefined;
    // the chain above the inspected contract reads the finding (its contractor supervises it)
    const chainOrgIds = await chainOf(db, inspection.wardId, inspection.contractId);
    return { ...finding, inspection, chainOrgIds };
  },
  stateNames: {
    open: { en: 'awaiting improvement', ja: '改善待ち' },
    reported: { en: 'improvement reported', ja: '改善報告済' },
    closed: { en: 'closed', ja: '改善確認済' },
    carried: { en: 'carried', ja: '持越し' },
    withdrawn: { en: 'withdrawn', ja: '取消し' },
  },
};

export type FindingCommandInput =
  | { kind: 'improvement-report'; inspectionId: string; report: string; attachmentIds?: string[] }
  | { kind: 'carry'; inspectionId: string; reason: string };

type FindingStep = Command<FindingInInspection, FindingCommandInput>;

/** The finding must belong to the inspection named in the path; a withdrawn one is gone. */
const inItsInspection: FindingStep['check'] = ({ record, input }) => {
  if (record.inspectionId !== input.inspectionId || record.status === 'withdrawn')
    throw notFound('Finding', '指摘事項');
};
/** Findings are followed up while their inspection is in progress. */
const whileInProgress: FindingStep['requires'] = (finding) =>
  inspectionRefuses(finding.inspection, { type: 'FOLLOW_UP' });

export const findingCommands = {
  'improvement-report': {
    name: 'improvement-report',
    label: { en: 'report the improvement', ja: '改善報告' },
    can: { action: 'update', field: 'improvementReport' },
    requires: whileInProgress,
    check: inItsInspection,
    event: () => ({ type: 'REPORT_IMPROVEMENT' }),
    apply: async ({ ctx, tx, record, input, now }) => {
      if (input.kind !== 'improvement-report') return {};
      await checkEvidence(ctx, tx, record.wardId, input.attachmentIds ?? [], 'attachmentIds');
      return {
        improvement_report: input.report.trim(),
        improvement_attachment_ids: input.attachmentIds ?? [],
        reported_by: ctx.actor.userId,
        reported_at: now,
      };
    },
    audit: ({ after }) => ({
      after: { report: after.improvementReport, attachmentIds: after.improvementAttachmentIds },
    }),
  },
  carry: {
    name: 'carry',
    label: { en: 'carry', ja: '持越し' },
    // carrying is a step of the inspection's course: the inspector's, not the company's
    can: {
      action: 'update',
      field: 'lifecycle',
      on: (f) => ({ subject: 'Inspection', record: f.inspection }),
    },
    requires: whileInProgress,
    check: inItsInspection,
    event: () => ({ type: 'CARRY' }),
    apply: ({ ctx, input }) =>
      input.kind === 'carry' ? { carried_reason: input.reason.trim(), carried_by: ctx.actor.userId } : {},
    audit: ({ after }) => ({ after: { reason: after.carriedReason } }),
  },
} satisfies Record<FindingCommandInput['kind'], FindingStep>;

/** Steps on a finding that follow from its item, saved by the inspector in the same transaction. */
export const findingFollowSteps = {
  /** The × was corrected before anything was reported: the finding is withdrawn. */
  withdraw: {
    name: 'withdraw',
    label: { en: 'withdraw', ja: '取消し' },
    can: { action: 'update', field: 'items', on: (f) => ({ subject: 'Inspection', record: f.inspection }) },
    event: () => ({ type: 'WITHDRAW' }),
  } satisfies Command<FindingInInspection, { itemKey: string }>,
  /** 再確認: improved closes the finding; not yet improved reopens it with a new agreed deadline. */
  recheck: {
    name: 'recheck',
    label: { en: 're-check', ja: '再確認' },
    can: { action: 'update', field: 'items', on: (f) => ({ subject: 'Inspection', record: f.inspection }) },
    event: ({ input }) => ({ type: 'RECHECK', improved: input?.result === 'ok' }),
    refusal: ({ record }) =>
      new ConflictError(
        {
          en: `The finding is ${record.status}: a re-check follows the contractor's improvement report`,
          ja: `指摘事項が「${findingWorkflow.stateNames[record.status]?.ja ?? record.status}」のため再確認できません（委託先等の改善報告の後に再確認します）`,
        },
        { findingId: record.id, findingStatus: record.status },
      ),
    apply: ({ input, next, now }) => ({
      ...(input.result === 'ng' && { due_on: input.newDueOn }),
      ...(next.value === 'closed' && { closed_at: now }),
    }),
    audit: ({ input }) => ({
      action: 'inspection.recheck',
      after: {
        itemKey: input.itemKey,
        recheckedOn: input.recheckedOn,
        result: input.result,
        note: input.note ?? null,
      },
    }),
  } satisfies Command<
    FindingInInspection,
    {
      itemKey: string;
      result: 'ok' | 'ng';
      recheckedOn: string;
      newDueOn?: string | null;
      note?: string | null;
    }
  >,
};
