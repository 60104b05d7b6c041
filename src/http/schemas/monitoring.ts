import { z } from '@hono/zod-openapi';
import type { MonitoringReport } from '../../domain/monitoring/monitoring.repository.js';
import { text, Uuid, VersionField } from './common.js';
import { DateText } from './contracts.js';

// 業務委託モニタリング報告書 and its financial checksheet (財務状況チェックシート).

const Grade = z.enum(['S', 'A', 'B', 'C']);
const Amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const FinancialInput = z.object({
  unit: z
    .enum(['million_yen', 'thousand_yen', 'yen'])
    .openapi({ description: '単位 (the seed uses 百万円)' }),
  statementsOf: text(100).nullish().openapi({ description: 'the statements used, e.g. 2025年3月期' }),
  currentAssets: Amount.openapi({ description: '流動資産' }),
  currentLiabilities: Amount.openapi({ description: '流動負債' }),
  fixedAssets: Amount.openapi({ description: '固定資産' }),
  equity: z
    .number()
    .int()
    .min(-Number.MAX_SAFE_INTEGER)
    .max(Number.MAX_SAFE_INTEGER)
    .openapi({ description: '自己資本 (negative: 債務超過)' }),
  totalCapital: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).openapi({ description: '総資本' }),
});

export const MonitoringContentBody = z.object({
  hearingOn: DateText.openapi({ description: 'ヒアリング実施日' }),
  ratings: z.record(text(10), Grade).optional().openapi({ description: 'S/A/B/C per check item key' }),
  comments: z
    .object({
      compliance: text(5000).optional(),
      service: text(5000).optional(),
      continuity: text(5000).optional(),
    })
    .optional()
    .openapi({ description: '自由意見: 法令等遵守, サービスの質, 継続可能性' }),
  overall: text(5000).nullish().openapi({ description: '総合的な評価' }),
  improvements: text(5000).nullish().openapi({ description: '今後改善につなげる事項など' }),
  financials: FinancialInput.nullish(),
});

export const MonitoringCreateBody = MonitoringContentBody.extend({
  contractId: Uuid,
  organisationId: Uuid.optional(),
});

export const MonitoringUpdateBody = MonitoringContentBody.extend({ version: VersionField });

const Ratio = z.object({
  value: z.number().nullable(),
  display: z.string(),
  stability: z.enum(['安定', '注意', '危険']),
});
export const FinancialRatingSchema = z
  .object({ currentRatio: Ratio, fixedRatio: Ratio, equityRatio: Ratio, grade: Grade })
  .openapi('FinancialRating');

export const MonitoringReportSchema = z
  .object({
    id: z.string(),
    wardId: z.string(),
    contractId: z.string(),
    organisationId: z.string(),
    fiscalYear: z.number().int(),
    hearingOn: z.string(),
    ratings: z.record(z.string(), Grade),
    comments: z.record(z.string(), z.string()),
    overall: z.string().nullable(),
    improvements: z.string().nullable(),
    financials: z
      .object({
        unit: z.string(),
        statementsOf: z.string().nullable(),
        figures: z.record(z.string(), z.number()),
        rating: FinancialRatingSchema,
      })
      .nullable(),
    financialGrade: Grade.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('MonitoringReport');

export function presentMonitoring(r: MonitoringReport): z.infer<typeof MonitoringReportSchema> {
  return {
    ...r,
    comments: r.comments as Record<string, string>,
    financials: r.financials as z.infer<typeof MonitoringReportSchema>['financials'],
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
