import { z } from '@hono/zod-openapi';
import { inspectionActions } from '../../domain/inspections/act-on-inspection.js';
import type { Finding } from '../../domain/inspections/finding.repository.js';
import type { Inspection, InspectionItem } from '../../domain/inspections/inspection.repository.js';
import { isOverdue, type ViewSection } from '../../domain/inspections/inspection-view.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import type { SignOffStep } from '../../domain/sign-off/sign-off-steps.js';
import { AllowedActions } from './common.js';

// Response schemas of inspections and the presenters that fill them (dates as ISO strings).

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const InspectionSchema = z
  .object({
    id: z.string(),
    wardId: z.string(),
    contractId: z.string(),
    organisationId: z.string(),
    templateKey: z.string(),
    templateVersion: z.number().int(),
    purpose: z.string(),
    applicability: z.record(z.string(), z.unknown()),
    fiscalYear: z.number().int(),
    plannedOn: z.string(),
    place: z.string().nullable(),
    inspectorId: z.string(),
    inspectingOrgId: z.string().nullable().openapi({
      description: 'the contractor inspecting its sub-contractor; null: the municipality itself',
    }),
    assistantIds: z.array(z.string()),
    status: z.enum(['planned', 'in_progress', 'submitted', 'signed_off', 'cancelled']),
    chain: z.array(z.string()),
    step: z.number().int(),
    startedAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
    signedOffAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    allowedActions: AllowedActions,
  })
  .openapi('Inspection');

/**
 * An inspection in a list (issue 21): who is inspected, with which checklist (its title), when,
 * where, its state and whose turn, and `allowedActions`. The purpose, the applicability and the
 * assistants stay on the detail route, or `view=full`.
 */
export const InspectionListItemSchema = InspectionSchema.pick({
  allowedActions: true,
  id: true,
  wardId: true,
  contractId: true,
  organisationId: true,
  templateKey: true,
  fiscalYear: true,
  plannedOn: true,
  place: true,
  inspectorId: true,
  inspectingOrgId: true,
  status: true,
  chain: true,
  step: true,
  startedAt: true,
  submittedAt: true,
  signedOffAt: true,
  updatedAt: true,
  version: true,
})
  .extend({
    templateTitle: z.string().openapi({ description: "The checklist's title (チェックリストの名称)" }),
  })
  .openapi('InspectionListItem');

export const ItemAnswerSchema = z
  .object({
    itemKey: z.string(),
    position: z.number().int(),
    result: z.enum(['ok', 'ng', 'na', 'partial']).nullable(),
    checkedOn: z.string().nullable(),
    observation: z.string().nullable(),
    photoIds: z.array(z.string()),
    remoteMethod: z.enum(['video', 'photos']).nullable(),
    recheckOn: z.string().nullable(),
    recheckResult: z.enum(['ok', 'ng']).nullable(),
    recheckNote: z.string().nullable(),
    recordedBy: z.string().nullable(),
    recordedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('InspectionItem');

export const FindingSchema = z
  .object({
    id: z.string(),
    wardId: z.string(),
    inspectionId: z.string(),
    itemKey: z.string(),
    organisationId: z.string(),
    status: z.enum(['open', 'reported', 'closed', 'carried', 'withdrawn']),
    observation: z.string(),
    dueOn: z.string(),
    overdue: z.boolean(),
    improvementReport: z.string().nullable(),
    improvementAttachmentIds: z.array(z.string()),
    reportedBy: z.string().nullable(),
    reportedAt: z.string().nullable(),
    carriedReason: z.string().nullable(),
    carriedBy: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Finding');

export const ItemSavedSchema = z.object({ item: ItemAnswerSchema, finding: FindingSchema.nullable() });

export const InspectionDetailSchema = InspectionSchema.extend({
  template: z.record(z.string(), z.unknown()),
  sections: z.array(z.record(z.string(), z.unknown())),
  findings: z.array(FindingSchema),
  steps: z.array(
    z.object({
      seq: z.number(),
      role: z.string(),
      decision: z.string(),
      comment: z.string().nullable(),
      userId: z.string().nullable(),
      userName: z.string().nullable(),
      at: z.string(),
    }),
  ),
  progress: z.object({ total: z.number(), answered: z.number(), ng: z.number(), openFindings: z.number() }),
}).openapi('InspectionDetail');

export const DueSchema = z
  .object({
    wardId: z.string(),
    contractId: z.string(),
    parentContractId: z.string().nullable(),
    depth: z.number().int(),
    contractTitle: z.string(),
    contractNumber: z.string().nullable(),
    organisationId: z.string(),
    organisationName: z.string(),
    fiscalYear: z.number().int(),
    dueBy: z.string(),
    status: z.enum(['due', 'overdue']),
    plannedInspectionId: z.string().nullable(),
    plannedOn: z.string().nullable(),
  })
  .openapi('InspectionDue');

/** An inspection as the API answers it, with what the viewer may do with it now. */
export function presentInspection(viewer: Viewer, i: Inspection): z.infer<typeof InspectionSchema> {
  const { template: _template, machine: _machine, ...rest } = i;
  return {
    ...rest,
    allowedActions: inspectionActions(viewer, i),
    applicability: i.applicability as unknown as Record<string, unknown>,
    startedAt: iso(i.startedAt),
    submittedAt: iso(i.submittedAt),
    signedOffAt: iso(i.signedOffAt),
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

/** The list's compact form of an inspection (InspectionListItemSchema). */
export function presentInspectionListItem(
  viewer: Viewer,
  i: Inspection,
): z.infer<typeof InspectionListItemSchema> {
  return {
    allowedActions: inspectionActions(viewer, i),
    id: i.id,
    wardId: i.wardId,
    contractId: i.contractId,
    organisationId: i.organisationId,
    templateKey: i.templateKey,
    templateTitle: i.template.title,
    fiscalYear: i.fiscalYear,
    plannedOn: i.plannedOn,
    place: i.place,
    inspectorId: i.inspectorId,
    inspectingOrgId: i.inspectingOrgId,
    status: i.status,
    chain: i.chain,
    step: i.step,
    startedAt: iso(i.startedAt),
    submittedAt: iso(i.submittedAt),
    signedOffAt: iso(i.signedOffAt),
    updatedAt: i.updatedAt.toISOString(),
    version: i.version,
  };
}

export const presentItem = (a: InspectionItem) => ({ ...a, recordedAt: iso(a.recordedAt) });

export function presentFinding(f: Finding, today: string): z.infer<typeof FindingSchema> {
  return {
    ...f,
    overdue: isOverdue(f, today),
    reportedAt: iso(f.reportedAt),
    closedAt: iso(f.closedAt),
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

export function presentDetail(
  viewer: Viewer,
  d: {
    inspection: Inspection;
    sections: ViewSection[];
    findings: Finding[];
    steps: SignOffStep[];
    progress: z.infer<typeof InspectionDetailSchema>['progress'];
  },
  today: string,
): z.infer<typeof InspectionDetailSchema> {
  const { sections: _sections, ...template } = d.inspection.template;
  return {
    ...presentInspection(viewer, d.inspection),
    template: template as unknown as Record<string, unknown>,
    sections: d.sections.map((s) => ({
      ...s,
      groups: s.groups.map((g) => ({
        ...g,
        items: g.items.map((item) => ({
          ...item,
          answer: presentItem(item.answer),
          finding: item.finding && presentFinding(item.finding, today),
        })),
      })),
    })) as unknown as Array<Record<string, unknown>>,
    findings: d.findings.map((f) => presentFinding(f, today)),
    steps: d.steps.map((s) => ({ ...s, at: s.at.toISOString() })),
    progress: d.progress,
  };
}
