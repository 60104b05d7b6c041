import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as foundation from '../../migrations/2026-11-22T0000-foundation.js';
import * as attachments from '../../migrations/2026-11-22T0100-attachments.js';
import * as contracts from '../../migrations/2026-11-22T0200-contracts-registers-handlers.js';
import * as standardDataItems from '../../migrations/2026-11-22T0201-standard-data-items.js';
import * as approvals from '../../migrations/2026-11-22T0300-approvals-council.js';
import * as inspections from '../../migrations/2026-11-22T0400-inspections.js';
import * as handover from '../../migrations/2026-11-22T0500-handover-erasure.js';
import * as reports from '../../migrations/2026-11-22T0600-reports-incidents.js';
import * as listIndexes from '../../migrations/2026-11-22T0900-list-indexes.js';
import * as summaryExports from '../../migrations/2026-11-22T0950-summary-exports.js';
import * as contractReaders from '../../migrations/2026-12-06T0000-contract-readers.js';
import * as workflowMachines from '../../migrations/2026-12-07T0000-workflow-machines.js';
import * as signInThrottling from '../../migrations/2026-12-07T1000-sign-in-throttling.js';
import * as operatorOrganisation from '../../migrations/2026-12-07T1100-operator-organisation.js';
import * as userEmailPerOrganisation from '../../migrations/2026-12-07T1200-user-email-per-organisation.js';
import * as secondFactor from '../../migrations/2026-12-07T1300-second-factor.js';
import * as contractChainEnding from '../../migrations/2026-12-08T2000-contract-chain-ending.js';
import * as contractTermination from '../../migrations/2026-12-08T2001-contract-termination.js';
import * as storeBeforePassword from '../../migrations/2026-12-08T2100-store-before-password.js';
import * as suspensionLifting from '../../migrations/2026-12-08T2110-suspension-lifting.js';
import * as priorApprovals from '../../migrations/2026-12-08T2300-prior-approvals.js';
import * as contractProvisions from '../../migrations/2026-12-08T2400-contract-provisions.js';
import * as municipalityWords from '../../migrations/2026-12-08T3000-municipality-words.js';
import * as councilReportCover from '../../migrations/2026-12-09T0100-council-report-cover.js';
import * as contractorSupervision from '../../migrations/2026-12-09T0200-contractor-supervision.js';
import * as incidentBreachReports from '../../migrations/2026-12-09T0400-incident-breach-reports.js';
import * as seed004RosterDevices from '../../migrations/2026-12-09T0500-seed004-roster-devices.js';
import * as operationalReports from '../../migrations/2026-12-09T0600-operational-reports.js';
import * as organisationRepresentative from '../../migrations/2026-12-09T0700-organisation-representative.js';
import * as packageDownloads from '../../migrations/2026-12-09T0800-package-downloads.js';
import * as recordNumbers from '../../migrations/2026-12-09T0900-record-numbers.js';
import * as accessLogReviews from '../../migrations/2026-12-09T1100-access-log-reviews.js';
import * as municipalityHeadAndReportBody from '../../migrations/2026-12-09T1200-municipality-head-and-report-body.js';
import * as imports from '../../migrations/2026-12-09T1500-imports.js';
import * as tenantKeys from '../../migrations/2026-12-09T1600-tenant-keys.js';
import * as sessionWrittenLsn from '../../migrations/2026-12-09T1700-session-written-lsn.js';
import * as importedHistory from '../../migrations/2026-12-10T0200-imported-history.js';
import * as companyCertifications from '../../migrations/2026-12-10T0500-company-certifications.js';
import * as webhooks from '../../migrations/2026-12-10T0600-webhooks.js';
import * as answerLinks from '../../migrations/2026-12-10T0700-answer-links.js';
import * as contractReviewCycles from '../../migrations/2026-12-10T0800-contract-review-cycles.js';

// Static imports: Node's import() of .ts files fails under vitest, and a bundled Workers build
// has no file system to read a migrations folder from.
const migrations: Record<string, Migration> = {
  '2026-11-22T0000-foundation': foundation,
  '2026-11-22T0100-attachments': attachments,
  '2026-11-22T0200-contracts-registers-handlers': contracts,
  '2026-11-22T0201-standard-data-items': standardDataItems,
  '2026-11-22T0300-approvals-council': approvals,
  '2026-11-22T0400-inspections': inspections,
  '2026-11-22T0500-handover-erasure': handover,
  '2026-11-22T0600-reports-incidents': reports,
  '2026-11-22T0900-list-indexes': listIndexes,
  '2026-11-22T0950-summary-exports': summaryExports,
  '2026-12-06T0000-contract-readers': contractReaders,
  '2026-12-07T0000-workflow-machines': workflowMachines,
  '2026-12-07T1000-sign-in-throttling': signInThrottling,
  '2026-12-07T1100-operator-organisation': operatorOrganisation,
  '2026-12-07T1200-user-email-per-organisation': userEmailPerOrganisation,
  '2026-12-07T1300-second-factor': secondFactor,
  '2026-12-08T2000-contract-chain-ending': contractChainEnding,
  '2026-12-08T2001-contract-termination': contractTermination,
  '2026-12-08T2100-store-before-password': storeBeforePassword,
  '2026-12-08T2110-suspension-lifting': suspensionLifting,
  '2026-12-08T2300-prior-approvals': priorApprovals,
  '2026-12-08T2400-contract-provisions': contractProvisions,
  '2026-12-08T3000-municipality-words': municipalityWords,
  '2026-12-09T0100-council-report-cover': councilReportCover,
  '2026-12-09T0200-contractor-supervision': contractorSupervision,
  '2026-12-09T0400-incident-breach-reports': incidentBreachReports,
  '2026-12-09T0500-seed004-roster-devices': seed004RosterDevices,
  '2026-12-09T0600-operational-reports': operationalReports,
  '2026-12-09T0700-organisation-representative': organisationRepresentative,
  '2026-12-09T0800-package-downloads': packageDownloads,
  '2026-12-09T0900-record-numbers': recordNumbers,
  '2026-12-09T1100-access-log-reviews': accessLogReviews,
  '2026-12-09T1200-municipality-head-and-report-body': municipalityHeadAndReportBody,
  '2026-12-09T1500-imports': imports,
  '2026-12-09T1600-tenant-keys': tenantKeys,
  '2026-12-09T1700-session-written-lsn': sessionWrittenLsn,
  '2026-12-10T0200-imported-history': importedHistory,
  '2026-12-10T0500-company-certifications': companyCertifications,
  '2026-12-10T0600-webhooks': webhooks,
  '2026-12-10T0700-answer-links': answerLinks,
  '2026-12-10T0800-contract-review-cycles': contractReviewCycles,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
