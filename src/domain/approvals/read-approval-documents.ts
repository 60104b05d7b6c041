import { headOf, loadMunicipalityWords } from '../organisations/municipality-words.js';
import type { UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound } from '../shared/errors.js';
import { type Plain, toPlain } from '../shared/plain.js';
import { type FormStamp, formStamps } from '../sign-off/stamp-boxes.js';
import type { SubdelegationApplication } from './application.js';
import { getApproval } from './read-approvals.js';

// The two papers of a sub-contracting approval (再委託の承認, toshima 別紙7 第7条): the contractor's
// application (再委託承認申請書) with the six things 第7条第2項 asks for, and the ward's approval
// notice (承認通知書). Both carry the 決裁欄 of the ward's sign-off as signed (names and dates).
// Plain data for src/pdf/approval-documents; read like the approval itself (404 for others).

interface Party {
  name: string;
  address: string | null;
  representative: string | null;
  corporateNumber: string | null;
}

export type ApprovalDocumentData = Plain<{
  approvalId: string;
  /** 整理番号 R8-再委託-0003, printed as 第 R8-再委託-0003 号. */
  approvalNumber: string;
  status: string;
  wardName: string;
  /** How the municipality speaks of itself (区, 市, …): its part of the form is the 区記入欄. */
  selfWord: string;
  /** Its head by name and title, who is applied to and who notifies: 新宿区長, ○○衛生組合管理者. */
  wardHead: string;
  departmentName: string | null;
  /** The contract above: the one the contractor (乙) sub-contracts part of. */
  contract: {
    title: string;
    number: string | null;
    contractDate: string | null;
    periodFrom: string;
    periodTo: string;
  };
  applicant: Party;
  subcontractor: Party;
  application: SubdelegationApplication;
  submittedAt: Date | null;
  /** 受付: when the ward started its review. */
  receivedAt: Date | null;
  decidedAt: Date | null;
  /** The signature that approved it (the top of the chain). */
  approvedBy: string | null;
  /** 決裁欄 as the forms print it: 課長・係長・担当者. */
  stamps: FormStamp[];
}>;

const party = async (ctx: UseCaseContext, id: string): Promise<Party> => {
  const org = await ctx.db
    .selectFrom('organisations')
    .select(['name', 'address', 'representative', 'corporate_number'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    name: org.name,
    address: org.address,
    representative: org.representative,
    corporateNumber: org.corporate_number,
  };
};

async function readSubdelegation(ctx: UseCaseContext, id: string): Promise<ApprovalDocumentData> {
  const approval = await getApproval(ctx, id);
  const application = approval.application;
  // 委託の承認 is the department's own internal application: it has no such papers
  if (application.kind !== 'subdelegation' || !approval.parentContractId) {
    throw notFound('Sub-contracting application', '再委託承認申請書');
  }
  const contract = await ctx.db
    .selectFrom('contracts')
    .leftJoin('departments', (j) =>
      j
        .onRef('departments.ward_id', '=', 'contracts.ward_id')
        .onRef('departments.id', '=', 'contracts.department_id'),
    )
    .select([
      'contracts.title',
      'contracts.contract_number',
      'contracts.contract_date',
      'contracts.period_from',
      'contracts.period_to',
      'departments.name as department_name',
    ])
    .where('contracts.ward_id', '=', approval.wardId)
    .where('contracts.id', '=', approval.parentContractId)
    .executeTakeFirstOrThrow();
  const words = await loadMunicipalityWords(ctx.db, approval.wardId);
  const ward = await party(ctx, approval.wardId);
  const received = approval.steps.filter((s) => s.decision === 'start_review').at(-1);
  const approved = approval.steps.filter((s) => s.decision === 'approve').at(-1);
  return toPlain({
    approvalId: approval.id,
    approvalNumber: approval.number,
    status: approval.status,
    wardName: ward.name,
    selfWord: words.self.ja,
    wardHead: headOf(ward.name, words.head.ja),
    departmentName: contract.department_name,
    contract: {
      title: contract.title,
      number: contract.contract_number,
      contractDate: contract.contract_date,
      periodFrom: contract.period_from,
      periodTo: contract.period_to,
    },
    applicant: await party(ctx, approval.applicantOrgId),
    subcontractor: await party(ctx, application.subcontractorOrgId),
    application,
    submittedAt: approval.submittedAt,
    receivedAt: received?.at ?? null,
    decidedAt: approval.status === 'approved' ? approval.decidedAt : null,
    approvedBy: approval.status === 'approved' ? (approved?.userName ?? null) : null,
    stamps: formStamps(['課長', '係長', '担当者'], approval.stamps),
  });
}

/** 再委託承認申請書: the application as submitted (or the draft), with the ward's part as signed. */
export async function readSubdelegationApplication(
  ctx: UseCaseContext,
  id: string,
): Promise<ApprovalDocumentData> {
  return readSubdelegation(ctx, id);
}

/** 承認通知書: only once the application is approved; before that there is no notice to print. */
export async function readApprovalNotice(ctx: UseCaseContext, id: string): Promise<ApprovalDocumentData> {
  const data = await readSubdelegation(ctx, id);
  if (data.status !== 'approved') {
    throw new ConflictError(
      {
        en: 'The approval notice exists once the application is approved',
        ja: '承認通知書は、申請が承認（決裁）された後に発行されます',
      },
      { state: data.status },
    );
  }
  return data;
}
