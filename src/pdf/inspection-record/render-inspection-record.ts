import { renderToBuffer } from '@react-pdf/renderer';
import { createElement as h } from 'react';
import type { getInspection } from '../../domain/inspections/read-inspections.js';
import type { UseCaseContext } from '../../domain/shared/context.js';
import { registerJapaneseFont } from '../fonts.js';
import {
  InspectionRecordDocument,
  type InspectionRecordInput,
  type SignOffBox,
} from './inspection-record-document.js';

type Detail = Awaited<ReturnType<typeof getInspection>>;

/** Which step fills which sign-off box of the form (決裁欄). */
const BOX_ROLE: Record<string, { role: string; decision: string }> = {
  課長: { role: 'ward_manager', decision: 'approve' },
  係長: { role: 'ward_chief', decision: 'approve' },
  担当者: { role: 'ward_officer', decision: 'approve' },
  監督員: { role: 'inspector', decision: 'submit' },
};

/** Gathers the names and facts the record shows besides the inspection itself, and draws it. */
export async function renderInspectionRecordPdf(
  ctx: Pick<UseCaseContext, 'db'>,
  detail: Detail,
): Promise<Uint8Array> {
  registerJapaneseFont();
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
    .select(['id', 'name'])
    .where('id', 'in', [inspection.wardId, inspection.organisationId])
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
  const nameOf = (id: string | null) => users.find((u) => u.id === id)?.display_name ?? '';

  // The boxes show the signatures of the last round, after the last submission.
  const lastSubmit = detail.steps.map((s) => s.decision).lastIndexOf('submit');
  const round = lastSubmit >= 0 ? detail.steps.slice(lastSubmit) : [];
  const boxes: SignOffBox[] = inspection.template.signOffBoxes.map((label) => {
    const wanted = BOX_ROLE[label];
    const step = round.find((s) => s.role === wanted?.role && s.decision === wanted.decision);
    return { label, name: step ? nameOf(step.userId) : '', on: step ? step.at : null };
  });

  const input: InspectionRecordInput = {
    wardName: organisations.find((o) => o.id === inspection.wardId)?.name ?? '',
    contract: {
      title: contract.title,
      number: contract.contract_number,
      department: contract.department,
      place: inspection.place ?? contract.place,
    },
    organisation: {
      name: organisations.find((o) => o.id === inspection.organisationId)?.name ?? '',
      role: contract.depth > 1 ? '再委託先' : '受託者',
    },
    inspector: nameOf(inspection.inspectorId),
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
    inspection,
    sections: detail.sections,
    findings: detail.findings,
  };
  const buffer = await renderToBuffer(h(InspectionRecordDocument, input) as never);
  return new Uint8Array(buffer);
}
