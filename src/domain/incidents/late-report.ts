import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { citationFor, cite } from '../provisions/cite-provision.js';
import { findContractProvisions } from '../provisions/provisions.repository.js';
import type { Message } from '../shared/errors.js';
import type { Incident } from './incident.repository.js';

/**
 * 事故発生時の報告 is due at once (001 別紙7 第15条「直ちに」, 003 乙22). The product reads 「直ちに」 as
 * within a day of the discovery: a report made more than 24 hours after it is recorded like any
 * other — refusing it would lose the report — and marked late, with the article of the
 * contract's own provisions that the delay breaches.
 */
export const REPORT_DUE_HOURS = 24;

export interface LateReport extends Message {
  hoursAfterDiscovery: number;
  /** 「第15条第1項」 of the contract's 特記事項, where they name the duty. */
  article: string | null;
}

export async function lateReportOf(db: Kysely<Database>, incident: Incident): Promise<LateReport | null> {
  const hours = Math.floor((incident.reportedAt.getTime() - incident.discoveredAt.getTime()) / 3_600_000);
  if (hours < REPORT_DUE_HOURS) return null;
  const citation = citationFor(
    await findContractProvisions(db, incident.wardId, incident.contractId),
    'incident_reporting',
  );
  const message = cite(
    {
      en: `Reported ${hours} hours after its discovery: an incident is to be reported at once`,
      ja: `発見から${hours}時間後の報告です。事故は直ちに報告しなければなりません`,
    },
    citation,
  );
  return { ...message, hoursAfterDiscovery: hours, article: citation?.article ?? null };
}
