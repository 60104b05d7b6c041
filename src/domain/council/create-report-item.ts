import type { Approval } from '../approvals/approval.repository.js';
import { heldCertifications, standingOf } from '../certifications/certification-standing.js';
import { findContract } from '../contracts/contract.repository.js';
import type { Tx } from '../shared/context.js';
import { toJapanDate } from '../shared/japan-date.js';
import {
  type CouncilReportContent,
  type HeldMark,
  itemsByDirection,
  mediaLines,
} from './council-report-content.js';

/** The contract's words for the kinds (contracts.required_certifications, the pages' labels). */
const KIND_CODES = { privacy_mark: 'pmark', isms: 'isms', ismap: 'ismap' } as const;

/**
 * A company's certifications in force on the day, from its records (seed 003 names the P-mark of
 * 委託先 and 再委託先): the kinds' codes and the P-mark's number and end.
 */
async function certificationsOf(
  tx: Tx,
  organisationId: string,
  day: string,
): Promise<{ certifications: string[]; privacyMark: HeldMark | null }> {
  const held = (await heldCertifications(tx, [organisationId])).get(organisationId) ?? [];
  const certifications: string[] = [];
  let privacyMark: HeldMark | null = null;
  for (const kind of ['privacy_mark', 'isms', 'ismap'] as const) {
    const s = standingOf(held, kind, day);
    if (s.standing !== 'valid' && s.standing !== 'expiring') continue;
    certifications.push(KIND_CODES[kind]);
    if (kind === 'privacy_mark') privacyMark = { number: s.number!, validUntil: s.validUntil! };
  }
  return { certifications, privacyMark };
}

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
  const day = toJapanDate(at);
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
        ...(await certificationsOf(tx, app.contractorOrgId, day)),
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
        ...(await certificationsOf(tx, parent.contractorOrgId, day)),
      },
      subcontractor: {
        name: await orgName(tx, app.subcontractorOrgId),
        ...(await certificationsOf(tx, app.subcontractorOrgId, day)),
      },
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
