import { MUNICIPALITY_COLUMNS, municipalityWords } from '../organisations/municipality-words.js';
import type { UseCaseContext } from '../shared/context.js';
import { type Plain, toPlain } from '../shared/plain.js';
import { type FormStamp, formStamps } from '../sign-off/stamp-boxes.js';
import type { Finding } from './finding.repository.js';
import type { Inspection } from './inspection.repository.js';
import type { ViewSection } from './inspection-view.js';
import { getInspection } from './read-inspections.js';

// What the inspection record (実地検査の記録, src/pdf/inspection-record) shows: the inspection, its
// items and findings, and the names and facts around it, gathered here so the drawing never reads
// the database.

export type InspectionRecordData = Plain<{
  wardName: string;
  /** How the municipality speaks of itself (区, 市, …). */
  selfWord: string;
  contract: { title: string; number: string | null; department: string; place: string | null };
  organisation: { name: string; role: '受託者' | '再委託先' };
  inspector: string;
  /** The contractor that made the inspection of its sub-contractor; null: the municipality's own. */
  inspectedBy: string | null;
  assistants: string[];
  boxes: FormStamp[];
  steps: Array<{ role: string; decision: string; name: string; at: Date; comment: string | null }>;
  inspection: Pick<Inspection, 'id' | 'template' | 'status' | 'plannedOn' | 'fiscalYear'>;
  sections: ViewSection[];
  findings: Finding[];
}>;

/**
 * The record of one inspection as its PDF shows it. Read like the inspection itself: one the viewer
 * may not read is not found.
 */
export async function readInspectionRecord(ctx: UseCaseContext, id: string): Promise<InspectionRecordData> {
  const detail = await getInspection(ctx, id);
  const { inspection } = detail;
  const contract = await ctx.db
    .selectFrom('contracts')
    .innerJoin('departments', (j) =>
      j
        .onRef('departments.ward_id', '=', 'contracts.ward_id')
        .onRef('departments.id', '=', 'contracts.department_id'),
    )
    .select([
      'contracts.title',
      'contracts.contract_number',
      'contracts.place',
      'contracts.depth',
      'departments.name as department',
    ])
    .where('contracts.ward_id', '=', inspection.wardId)
    .where('contracts.id', '=', inspection.contractId)
    .executeTakeFirstOrThrow();
  const organisations = await ctx.db
    .selectFrom('organisations')
    .select(['id', 'name', ...MUNICIPALITY_COLUMNS])
    .where('id', 'in', [
      inspection.wardId,
      inspection.organisationId,
      ...(inspection.inspectingOrgId ? [inspection.inspectingOrgId] : []),
    ])
    .execute();
  const userIds = [
    inspection.inspectorId,
    ...inspection.assistantIds,
    ...detail.steps.flatMap((s) => (s.userId ? [s.userId] : [])),
  ];
  const users = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', userIds)
    .execute();
  const nameOf = (userId: string | null) => users.find((u) => u.id === userId)?.display_name ?? '';

  // The boxes show the signatures of the last round; 監督員's is the submission that began it.
  const submitted = detail.steps.findLast((s) => s.decision === 'submit');
  const boxes = formStamps(inspection.template.signOffBoxes, detail.stamps, {
    監督員: { name: submitted ? nameOf(submitted.userId) : '', on: submitted?.at ?? null },
  });

  return toPlain({
    wardName: organisations.find((o) => o.id === inspection.wardId)?.name ?? '',
    selfWord: municipalityWords(organisations.find((o) => o.id === inspection.wardId)).self.ja,
    contract: {
      title: contract.title,
      number: contract.contract_number,
      department: contract.department,
      place: inspection.place ?? contract.place,
    },
    organisation: {
      name: organisations.find((o) => o.id === inspection.organisationId)?.name ?? '',
      role: contract.depth > 1 ? ('再委託先' as const) : ('受託者' as const),
    },
    inspectedBy: inspection.inspectingOrgId
      ? (organisations.find((o) => o.id === inspection.inspectingOrgId)?.name ?? '')
      : null,
    // a contractor's inspection of its sub-contractor names the company that made it
    inspector: inspection.inspectingOrgId
      ? `${organisations.find((o) => o.id === inspection.inspectingOrgId)?.name ?? ''}（受託者） ${nameOf(inspection.inspectorId)}`
      : nameOf(inspection.inspectorId),
    assistants: inspection.assistantIds.map(nameOf),
    boxes,
    steps: detail.steps
      .filter((s) => s.decision !== 'start')
      .map((s) => ({
        role: s.role,
        decision: s.decision,
        name: nameOf(s.userId),
        at: s.at,
        comment: s.comment,
      })),
    inspection: {
      id: inspection.id,
      template: inspection.template,
      status: inspection.status,
      plannedOn: inspection.plannedOn,
      fiscalYear: inspection.fiscalYear,
    },
    sections: detail.sections,
    findings: detail.findings,
  });
}
