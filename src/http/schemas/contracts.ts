import { z } from '@hono/zod-openapi';
import {
  CERTIFICATIONS,
  CONTRACT_STATUSES,
  PROCESSING_MODES,
} from '../../domain/contracts/contract.repository.js';
import { DIRECTIONS, MEDIA_KINDS, SPECIAL_CATEGORIES } from '../../domain/registers/register-document.js';
import { AllowedActions, requiredText, text, Uuid, VersionField } from './common.js';

/** A calendar date, YYYY-MM-DD, that exists. */
export const DateText = text(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'not a calendar date',
    },
  );

const MeasuresSchema = z.object({
  operational: z.array(requiredText(1000)).max(50),
  system: z.array(requiredText(1000)).max(50),
});

const contractFields = {
  departmentId: Uuid,
  title: requiredText(300),
  contractNumber: text(100).nullish().openapi({ example: '31契約第134号' }),
  contractDate: DateText.nullish(),
  periodFrom: DateText,
  periodTo: DateText,
  amountYen: z.number().int().min(0).max(999_999_999_999_999).nullish(),
  place: text(500).nullish(),
  handlesPersonalInfo: z.boolean(),
  processingModes: z.array(z.enum(PROCESSING_MODES)).max(3).optional(),
  selectionMethod: text(300).nullish(),
  requiredCertifications: z.array(z.enum(CERTIFICATIONS)).max(2).optional(),
  workDescription: text(5000).nullish(),
  reason: text(5000).nullish(),
  wardMeasures: MeasuresSchema.optional(),
  contractorMeasures: MeasuresSchema.optional(),
};

export const NewContract = z.object({ ...contractFields, contractorOrgId: Uuid });
export const ContractPatchSchema = z.object(contractFields).partial().extend({ version: VersionField });

/** A certification flag of the contract's contractor (認証: プライバシーマーク, ISMS, ISMAP). */
export const CertificationFlagSchema = z
  .object({
    kind: z.enum(['privacy_mark', 'isms', 'ismap']),
    standing: z.enum(['expired', 'missing']),
    validUntil: z.string().nullable(),
  })
  .openapi('CertificationFlag', {
    description:
      "expired: the contractor's latest certification of the kind has expired (Japan time today); missing: the contract requires it (requiredCertifications) and none is recorded",
  });

export const ContractSchema = z
  .object({
    allowedActions: AllowedActions,
    id: z.string(),
    wardId: z.string(),
    departmentId: z.string(),
    parentContractId: z.string().nullable(),
    depth: z.number().int(),
    contractorOrgId: z.string(),
    title: z.string(),
    contractNumber: z.string().nullable(),
    contractDate: z.string().nullable(),
    periodFrom: z.string(),
    periodTo: z.string(),
    amountYen: z.string().nullable().openapi({ description: 'yen, as a decimal string' }),
    place: z.string().nullable(),
    handlesPersonalInfo: z.boolean(),
    processingModes: z.array(z.enum(PROCESSING_MODES)),
    selectionMethod: z.string().nullable(),
    requiredCertifications: z.array(z.string()),
    workDescription: z.string().nullable(),
    reason: z.string().nullable(),
    wardMeasures: MeasuresSchema,
    contractorMeasures: MeasuresSchema,
    status: z.enum(CONTRACT_STATUSES).openapi({
      description:
        'approved: a sub-contract approved by the ward that has not started yet (its handler list is acknowledged, then it is activated like any contract)',
    }),
    endedWithParent: z.boolean().openapi({
      description: 'a sub-contract that followed its parent into ending; resuming the parent restores it',
    }),
    startedAt: z.string().nullable(),
    importedAt: z.string().nullable().openapi({
      description:
        '既存記録の取込み: when the contract was imported from the ward’s own records (its dates are history, as recorded); null for one registered here',
    }),
    importId: z.string().nullable(),
    termination: z
      .object({
        reason: z.string(),
        article: z.string(),
        terminatedOn: z.string(),
        recordedBy: z.string(),
        recordedAt: z.string(),
      })
      .nullable()
      .openapi({ description: '契約解除: its grounds, if the ward terminated the contract for breach' }),
    predecessorContractId: z.string().nullable(),
    renewalCount: z.number().int(),
    registerRevision: z.number().int(),
    certificationFlags: z.array(CertificationFlagSchema).optional().openapi({
      description:
        "認証の不備: the contractor's expired certifications and those the contract requires but are not recorded; given by the list and the detail route",
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Contract');

/**
 * A contract in a list: what the pages' and clients' lists show (who, what, when, state) and what
 * the viewer may do now. The long texts (業務内容, 理由, 安全管理措置, 解除) stay on the detail
 * route: a page of 50 full contracts was 62–68 KB, this is about a quarter of it (issue 21).
 */
export const ContractListItemSchema = ContractSchema.pick({
  allowedActions: true,
  id: true,
  wardId: true,
  departmentId: true,
  parentContractId: true,
  depth: true,
  contractorOrgId: true,
  title: true,
  contractNumber: true,
  periodFrom: true,
  periodTo: true,
  handlesPersonalInfo: true,
  processingModes: true,
  status: true,
  endedWithParent: true,
  startedAt: true,
  renewalCount: true,
  registerRevision: true,
  certificationFlags: true,
  updatedAt: true,
  version: true,
}).openapi('ContractListItem');

export const TerminationSchema = z
  .object({
    version: VersionField,
    reason: requiredText(2000).openapi({ description: '解除の理由: the breach, as the ward found it' }),
    article: requiredText(200).openapi({
      description: 'the provision breached, e.g. 特記事項第14条',
      example: '特記事項第14条',
    }),
    terminatedOn: DateText.openapi({ description: '解除日 (YYYY-MM-DD, Japan), not in the future' }),
  })
  .openapi('ContractTermination');

export const RenewalSchema = z.object({
  contractNumber: text(100).nullish(),
  contractDate: DateText.nullish(),
  periodFrom: DateText,
  periodTo: DateText,
  amountYen: z.number().int().min(0).max(999_999_999_999_999).nullish(),
});

const RegisterItemInput = z.object({
  key: Uuid.optional(),
  name: requiredText(200),
  catalogueCode: text(50).nullish(),
  direction: z.enum(DIRECTIONS),
  includesPastYears: z.boolean().optional(),
  specialCategory: z.enum(SPECIAL_CATEGORIES).nullish(),
  myNumber: z.boolean().optional(),
  specialApprovalNote: text(500)
    .nullish()
    .openapi({ description: "the ward's approval of a special category: reference or reason" }),
});

const Medium = z.object({ kind: z.enum(MEDIA_KINDS), name: requiredText(300) });

export const RegisterInputSchema = z.object({
  subjectGroups: z
    .array(z.object({ name: requiredText(200), items: z.array(RegisterItemInput).max(200) }))
    .max(50),
  media: z.array(Medium).max(50),
  note: text(1000).nullish(),
  baseRevision: z
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: 'the revision you edited; or If-Match' }),
});

export const RegisterSchema = z
  .object({
    contractId: z.string(),
    revision: z.number().int(),
    changedBy: z.string().nullable(),
    changedAt: z.string(),
    note: z.string().nullable(),
    document: z.object({
      subjectGroups: z.array(
        z.object({
          name: z.string(),
          items: z.array(
            z.object({
              key: z.string(),
              name: z.string(),
              catalogueCode: z.string().nullable(),
              direction: z.enum(DIRECTIONS),
              includesPastYears: z.boolean(),
              specialCategory: z.enum(SPECIAL_CATEGORIES).nullable(),
              myNumber: z.boolean(),
              specialApproval: z
                .object({ approvedBy: z.string(), approvedAt: z.string(), note: z.string() })
                .nullable(),
            }),
          ),
        }),
      ),
      media: z.array(Medium),
    }),
  })
  .openapi('Register');
