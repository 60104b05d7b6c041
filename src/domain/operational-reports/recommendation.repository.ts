import type { Kysely, Selectable } from 'kysely';
import type { FieldMap } from '../../../policies/rules-to-sql.js';
import type { ImprovementRecommendationState } from '../../../workflows/improvement-recommendation/improvement-recommendation.machine.js';
import type { Database } from '../../db/database.js';
import type { ImprovementRecommendationsTable } from '../../db/tables/operational-reports.js';

/** 改善勧告: the city's recommendation to the contractor and its written answer (seed 004 6). */
export interface ImprovementRecommendation {
  id: string;
  wardId: string;
  contractId: string;
  /** The company recommended to: the contract's contractor. */
  organisationId: string;
  status: ImprovementRecommendationState;
  title: string;
  /** 勧告の内容: 原因の分析、課題の抽出、改善策の策定等 */
  contents: string;
  /** 回答期限 */
  dueOn: string;
  /** 講じた改善措置 */
  measures: string | null;
  /** その結果 */
  result: string | null;
  answeredAt: Date | null;
  sendBackComment: string | null;
  closingComment: string | null;
  closedAt: Date | null;
  recommendedAt: Date;
  version: number;
  machine: { id: string; version: number };
}

export const recommendationFields: FieldMap = {
  wardId: 'improvement_recommendations.ward_id',
  organisationId: 'improvement_recommendations.organisation_id',
};

export function toRecommendation(r: Selectable<ImprovementRecommendationsTable>): ImprovementRecommendation {
  return {
    id: r.id,
    wardId: r.ward_id,
    contractId: r.contract_id,
    organisationId: r.organisation_id,
    status: r.status as ImprovementRecommendationState,
    title: r.title,
    contents: r.contents,
    dueOn: r.due_on,
    measures: r.measures,
    result: r.result,
    answeredAt: r.answered_at,
    sendBackComment: r.send_back_comment,
    closingComment: r.closing_comment,
    closedAt: r.closed_at,
    recommendedAt: r.recommended_at,
    version: r.version,
    machine: { id: r.machine_id, version: r.machine_version },
  };
}

export async function findRecommendation(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<ImprovementRecommendation | undefined> {
  let q = db.selectFrom('improvement_recommendations').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toRecommendation(row);
}
