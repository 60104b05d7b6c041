import { z } from '@hono/zod-openapi';
import { TEMPLATE_KEYS } from '../../../forms/checklist/standard-templates.js';
import { requiredText, text, Uuid, VersionField } from './common.js';
import { DateText } from './contracts.js';

// Request and response schemas of on-site inspections (実地検査), findings and templates.

const Key = text(40).regex(/^[a-z0-9-]+$/, 'a-z, 0-9 and - only');
const MODES = ['paper_handover', 'on_premises', 'offsite_electronic'] as const;

export const ItemKeyParam = z.object({
  id: Uuid.openapi({ param: { name: 'id', in: 'path' } }),
  itemKey: Key.openapi({ param: { name: 'itemKey', in: 'path' }, example: '2-1-2' }),
});
export const FindingParam = z.object({
  id: Uuid.openapi({ param: { name: 'id', in: 'path' } }),
  findingId: Uuid.openapi({ param: { name: 'findingId', in: 'path' } }),
});
export const TemplateParam = z.object({
  key: z.enum(TEMPLATE_KEYS as [string, ...string[]]).openapi({ param: { name: 'key', in: 'path' } }),
});

const ItemDefinition = z.object({
  key: Key,
  label: text(10),
  text: requiredText(1000),
  textEn: text(1000).optional(),
  condition: text(300).optional(),
  conditionEn: text(300).optional(),
  note: text(2000).optional(),
  noteEn: text(2000).optional(),
});
const GroupDefinition = z.object({
  key: Key,
  heading: text(300).optional(),
  headingEn: text(300).optional(),
  items: z.array(ItemDefinition).max(300),
});
const SectionDefinition = z.object({
  key: Key,
  heading: requiredText(300),
  headingEn: text(300).optional(),
  chapter: text(300).optional(),
  note: text(2000).optional(),
  noteEn: text(2000).optional(),
  appliesWhen: z
    .object({ mode: z.enum(MODES).optional(), subcontracting: z.literal(true).optional() })
    .optional(),
  groups: z.array(GroupDefinition).max(50),
});

export const TemplateVersionBody = z.object({
  basedOnVersion: z.number().int().min(1).openapi({ description: "The ward's newest version, as read" }),
  note: text(1000).nullish(),
  sections: z.array(SectionDefinition).min(1).max(50),
});

export const ChecklistTemplateSchema = z
  .object({
    key: z.string(),
    version: z.number().int(),
    title: z.string(),
    titleEn: z.string(),
    source: z.string(),
    purpose: z.enum(['privacy', 'performance', 'labour', 'contracting']),
    results: z.array(z.string()),
    observationRequiredFor: z.array(z.string()),
    legend: z.string(),
    columns: z.object({ result: z.string(), date: z.string(), observation: z.string() }),
    signOffBoxes: z.array(z.string()),
    intro: z.array(z.string()).optional(),
    guidance: z.array(z.string()).optional(),
    sections: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('ChecklistTemplate');

export const PlanBody = z.object({
  contractId: Uuid,
  organisationId: Uuid.optional().openapi({
    description: 'the contractor (default) or a sub-contractor in the chain',
  }),
  templateKey: z.enum(TEMPLATE_KEYS as [string, ...string[]]),
  templateVersion: z.number().int().min(1).optional(),
  plannedOn: DateText,
  place: text(500).nullish(),
  assistantIds: z.array(Uuid).max(10).optional().openapi({ description: '補助者: staff of the ward' }),
});

export const PlanPatchBody = z.object({
  plannedOn: DateText.optional(),
  place: text(500).nullish(),
  assistantIds: z.array(Uuid).max(10).optional().openapi({ description: '補助者: staff of the ward' }),
  templateKey: z
    .enum(TEMPLATE_KEYS as [string, ...string[]])
    .optional()
    .openapi({ description: 'another checklist template, while planned' }),
  templateVersion: z.number().int().min(1).optional(),
  version: VersionField,
});

export const CommandBody = z.object({ comment: text(3000).nullish(), version: VersionField });

export const ItemBody = z.object({
  result: z
    .enum(['ok', 'ng', 'na', 'partial'])
    .openapi({ description: '○ ok / × ng / 該当なし na / △ partial' }),
  checkedOn: DateText.openapi({ description: '実施日' }),
  observation: text(3000).nullish().openapi({ description: '確認内容: required for × (and △)' }),
  photoIds: z
    .array(Uuid)
    .max(20)
    .optional()
    .openapi({ description: "attachments (purpose 'photo') for the ward" }),
  remoteMethod: z.enum(['video', 'photos']).nullish().openapi({ description: '遠隔確認: テレビ通話 / 写真' }),
  improvementDueOn: DateText.nullish().openapi({ description: '× only: the agreed improvement deadline' }),
  version: VersionField,
});

export const RecheckBody = z.object({
  recheckedOn: DateText.openapi({ description: '再確認日' }),
  result: z.enum(['ok', 'ng']).openapi({ description: '改善結果: improved (ok) or not yet (ng)' }),
  note: text(3000).nullish(),
  newDueOn: DateText.nullish(),
  version: VersionField,
});

export const ImprovementBody = z.object({
  report: requiredText(5000).openapi({ description: '改善報告' }),
  attachmentIds: z.array(Uuid).max(20).optional(),
  version: VersionField,
});

export const CarryBody = z.object({
  reason: requiredText(2000).openapi({ description: '持越しの理由' }),
  version: VersionField,
});

export const InspectionQuery = z.object({
  contractId: Uuid.optional(),
  organisationId: Uuid.optional(),
  status: z.enum(['planned', 'in_progress', 'submitted', 'signed_off', 'cancelled']).optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  inspectedBy: z.enum(['ward', 'company']).optional().openapi({
    description:
      "who inspects: the municipality's own inspections, or contractors' inspections of their sub-contractors",
  }),
});

export const FindingQuery = z.object({
  status: z.enum(['open', 'reported', 'closed', 'carried']).optional(),
  inspectionId: Uuid.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

export const DueQuery = z.object({
  fiscalYear: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .openapi({ param: { name: 'fiscalYear', in: 'query' }, example: 2026 }),
  wardId: Uuid.optional().openapi({ description: 'system administrators only' }),
});
