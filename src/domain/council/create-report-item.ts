import type { Approval } from '../approvals/approval.repository.js';
import { findContract } from '../contracts/contract.repository.js';
import type { Tx } from '../shared/context.js';
import { type CouncilReportContent, itemsByDirection, mediaLines } from './council-report-content.js';

async function orgName(tx: Tx, id: string): Promise<string> {
  return (await tx.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirstOrThrow())
    .name;
}

/**
 * Produces the council report item (審議会 報告事項) of an approval that handles personal
 * information, from the approved application and the records: nothing is retyped.
 */
export async function createCouncilReportItem(tx: Tx, approval: Approval, at: Date): Promise<string | null> {
  const contract = (await findContract(tx, approval.contractId))!;
  if (!contract.handlesPersonalInfo) return null;
  const department = await tx
    .selectFrom('departments')
    .select('name')
    .where('ward_id', '=', contract.wardId)
    .where('id', '=', contract.departmentId)
    .executeTakeFirstOrThrow();
  const app = approval.application;
  let content: CouncilReportContent;
  if (app.kind === 'delegation') {
    content = {
      kind: 'delegation',
      subject: `${app.title}の委託について`,
      department: department.name,
      businessName: app.title,
      contractor: {
        name: await orgName(tx, app.contractorOrgId),
        selectionMethod: app.selectionMethod,
        certifications: app.requiredCertifications,
      },
      subcontractor: null,
      items: itemsByDirection(app.register),
      media: mediaLines(app.register),
      reason: app.reason ?? '',
      content: app.workDescription ?? '',
      period: { from: app.periodFrom, to: app.periodTo },
      wardMeasures: app.wardMeasures,
      contractorMeasures: app.contractorMeasures,
      supervisionMethod: null,
    };
  } else {
    // The sub-contract's own report (seed 003 「…の再委託について」): its own title, reason, content
    // and measures, from the sub-contract and its application — never the parent's.
    const parent = (await findContract(tx, approval.parentContractId!))!;
    const sub = (await findContract(tx, approval.contractId))!;
    content = {
      kind: 'subdelegation',
      subject: `${app.title}の再委託について`,
      department: department.name,
      businessName: app.title,
      contractor: {
        name: await orgName(tx, parent.contractorOrgId),
        selectionMethod: parent.selectionMethod,
        certifications: parent.requiredCertifications,
      },
      subcontractor: { name: await orgName(tx, app.subcontractorOrgId) },
      items: itemsByDirection(app.register),
      media: mediaLines(app.register),
      reason: app.reason,
      content: app.scope,
      period: { from: app.periodFrom, to: app.periodTo },
      wardMeasures: sub.wardMeasures,
      contractorMeasures: {
        operational: app.safetyMeasures,
        system: sub.contractorMeasures.system,
      },
      supervisionMethod: app.supervisionMethod,
    };
  }
  const row = await tx
    .insertInto('council_report_items')
    .values({
      ward_id: approval.wardId,
      approval_id: approval.id,
      kind: approval.kind,
      title: content.subject,
      content: JSON.stringify(content),
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['ward_id', 'approval_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
