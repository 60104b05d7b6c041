import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { authorize } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { type ListSort, likePattern, sortedPage } from '../shared/sorted-list.js';
import { readSignOff } from '../sign-off/read-sign-off.js';
import {
  findIncident,
  type Incident,
  incidentFields,
  incidentQuery,
  toIncident,
} from './incident.repository.js';
import { incidentWorkflow } from './incident.workflow.js';

export async function getIncident(ctx: UseCaseContext, id: string): Promise<Incident> {
  const incident = await findIncident(ctx.db, id);
  if (!incident) throw notFound('Incident', '事故報告');
  authorize(ctx.ability, 'read', 'Incident', incident);
  return incident;
}

export const INCIDENT_SORT_KEYS = ['reportedAt', 'discoveredAt', 'status'] as const;
export type IncidentSortKey = (typeof INCIDENT_SORT_KEYS)[number];

const INCIDENT_SORT_COLUMNS: Record<IncidentSortKey, string> = {
  reportedAt: `to_char(incidents.reported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
  discoveredAt: `to_char(incidents.discovered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
  // the order of the handling, not the alphabet of the state names
  status:
    "case incidents.status when 'reported' then '1' when 'in_progress' then '2' when 'responded' then '3' else '4' end",
};

/** Incidents the actor may read, newest report first or by a column; the rules run in the SQL. */
export async function listIncidents(
  ctx: UseCaseContext,
  query: {
    status?: string;
    contractId?: string;
    /** Words in what leaked (情報の内容), where, or how. */
    q?: string;
    sort?: ListSort<IncidentSortKey>;
    cursor?: string;
    limit: number;
  },
): Promise<Page<Incident>> {
  let q = incidentQuery(ctx.db).where((eb) =>
    accessibleBy(eb, ctx.ability, 'read', 'Incident', incidentFields),
  );
  if (query.status) q = q.where('incidents.status', '=', query.status as never);
  if (query.contractId) q = q.where('incidents.contract_id', '=', query.contractId);
  if (query.q) {
    const pattern = likePattern(query.q);
    q = q.where((eb) =>
      eb.or([
        eb('incidents.information', 'ilike', pattern),
        eb('incidents.location', 'ilike', pattern),
        eb('incidents.circumstances', 'ilike', pattern),
      ]),
    );
  }
  if (query.sort)
    return sortedPage(
      q,
      INCIDENT_SORT_COLUMNS,
      'incidents.id',
      query.sort,
      query.cursor,
      query.limit,
      toIncident,
    );
  if (query.cursor) {
    const [reportedAt, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) => after(eb, ['incidents.reported_at', 'incidents.id'], [reportedAt, id], 'desc'));
  }
  const rows = await q
    .orderBy('incidents.reported_at', 'desc')
    .orderBy('incidents.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.reported_at.toISOString(), r.id], toIncident);
}

/** One incident with its history: each report, instruction, response, sign-off and send-back. */
export async function getIncidentWithSteps(ctx: UseCaseContext, id: string) {
  const incident = await getIncident(ctx, id);
  return { ...incident, ...(await readSignOff(ctx.db, incidentWorkflow, incident)) };
}
