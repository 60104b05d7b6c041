import { asSubject } from '../../../../policies/app-ability.js';
import {
  complianceReportMachine,
  type ReportEvent,
  WITH_CONTRACTOR,
} from '../../../../workflows/compliance-report/compliance-report.machine.js';
import { decide } from '../../../../workflows/shared/decide.js';
import type { ComplianceReport } from '../../../domain/reports/report.repository.js';
import { signerRole } from '../../../domain/shared/sign-off.js';
import type { Viewer } from '../page-context.js';

// What a report page offers: the answer form when the policies let the viewer answer and the
// report is with the contractor; the ward's steps that the report machine accepts from the
// viewer's role now — the same machine and role helper actOnReport uses.

export type WardCommand = 'receive' | 'sign' | 'return';
export const WARD_COMMANDS: WardCommand[] = ['receive', 'sign', 'return'];

export function mayAnswer(viewer: Viewer, report: ComplianceReport): boolean {
  return (
    viewer.ability.can('update', asSubject('ComplianceReport', report)) &&
    WITH_CONTRACTOR.includes(report.status)
  );
}

export function offeredWardCommands(viewer: Viewer, report: ComplianceReport): WardCommand[] {
  if (!viewer.ability.can('sign', asSubject('ComplianceReport', report))) return [];
  if (!report.chain.some((r) => viewer.actor.roles.includes(r))) return [];
  const role = signerRole(viewer.actor, report.chain, report.chain[report.step]);
  const events: Record<WardCommand, ReportEvent> = {
    receive: { type: 'RECEIVE', role },
    sign: { type: 'SIGN', role },
    return: { type: 'RETURN', role },
  };
  return WARD_COMMANDS.filter(
    (command) =>
      decide(complianceReportMachine, report.status, events[command], {
        chain: report.chain,
        step: report.step,
      }).allowed,
  );
}
