import { asSubject } from '../../../policies/app-ability.js';
import { WITH_CONTRACTOR } from '../../../workflows/compliance-report/compliance-report.machine.js';
import { getReport } from '../reports/read-reports.js';
import type { ComplianceReport } from '../reports/report.repository.js';
import type { UseCaseContext } from '../shared/context.js';
import { NotFoundError } from '../shared/errors.js';
import type { AnswerLink } from './answer-link.repository.js';

/** Whether a report still awaits the company's answer, so that a link may be made or used for it. */
export const awaitsCompany = (report: Pick<ComplianceReport, 'status'>) =>
  WITH_CONTRACTOR.includes(report.status);

/** Whether this person may send a link for the report now (to offer the form). */
export function maySendAnswerLink(ctx: Pick<UseCaseContext, 'ability'>, report: ComplianceReport): boolean {
  return (
    awaitsCompany(report) && ctx.ability.can('create', asSubject('AnswerLink', { wardId: report.wardId }))
  );
}

/**
 * The report a contact's link answers, read as the contact, while it still awaits the company;
 * undefined once it does not (answered by the company's manager meanwhile, received, …), which the
 * link's page answers like any unusable link.
 */
export async function readLinkedReport(ctx: UseCaseContext, link: AnswerLink) {
  try {
    const report = await getReport(ctx, link.targetId);
    return awaitsCompany(report) ? report : undefined;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
