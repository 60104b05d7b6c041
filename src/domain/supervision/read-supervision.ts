import { STANDARD_TEMPLATES } from '../../../forms/checklist/standard-templates.js';
import { asSubject } from '../../../policies/app-ability.js';
import { type Contract, findContract } from '../contracts/contract.repository.js';
import type { Inspection } from '../inspections/inspection.repository.js';
import { listInspections } from '../inspections/read-inspections.js';
import type { UseCaseContext } from '../shared/context.js';
import { listReportRequests } from './read-report-requests.js';
import type { ReportRequest } from './report-request.repository.js';

/** The checklists a company may inspect its sub-contractor with: the privacy ones (個人情報保護). */
export function companyInspectionTemplates(): Array<{ key: string; title: string; titleEn: string }> {
  return STANDARD_TEMPLATES.filter((t) => t.purpose === 'privacy').map((t) => ({
    key: t.key,
    title: t.title,
    titleEn: t.titleEn,
  }));
}

export interface ContractSupervision {
  /** The contractor's inspections of this contract's company (its sub-contractor). */
  inspections: Inspection[];
  reportRequests: ReportRequest[];
  /** The viewer may ask this contract's company for a report. */
  mayRequest: boolean;
  /** The viewer may plan an inspection of this contract's company as its contractor. */
  mayInspect: boolean;
}

/**
 * 再委託先の監督 on one contract's page: the contractor's inspections of the company holding it and
 * the report requests made of that company, both listed with the rules in SQL, and whether the
 * viewer may ask or inspect: the ward's requesters on any contract of theirs in force; a company as
 * the contractor of the contract directly above (its own sub-contractor).
 */
export async function readContractSupervision(
  ctx: UseCaseContext,
  contract: Contract,
): Promise<ContractSupervision> {
  const [inspections, reportRequests] = await Promise.all([
    listInspections(ctx, { contractId: contract.id, inspectedBy: 'company', limit: 50 }),
    listReportRequests(ctx, { contractId: contract.id, limit: 50 }),
  ]);
  const inForce = ['active', 'ending'].includes(contract.status) && contract.contractorAccess;
  const company = ctx.actor.organisationKind === 'company';
  const parent =
    company && contract.parentContractId ? await findContract(ctx.db, contract.parentContractId) : undefined;
  const isItsContractor =
    Boolean(parent) &&
    parent!.contractorOrgId === ctx.actor.organisationId &&
    contract.contractorOrgId !== ctx.actor.organisationId;
  const requester = company ? ctx.actor.organisationId : ctx.actor.wardId;
  const mayRequest =
    inForce &&
    (!company || isItsContractor) &&
    ctx.ability.can(
      'create',
      asSubject('ReportRequest', { wardId: contract.wardId, requesterOrgId: requester }),
    );
  const mayInspect =
    inForce &&
    isItsContractor &&
    ctx.ability.can(
      'create',
      asSubject('Inspection', {
        wardId: contract.wardId,
        organisationId: contract.contractorOrgId,
        inspectingOrgId: requester,
      }),
    );
  return { inspections: inspections.items, reportRequests: reportRequests.items, mayRequest, mayInspect };
}
