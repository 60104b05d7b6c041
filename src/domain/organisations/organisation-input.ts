import type { WardSettings } from '../../db/database.js';
import { ValidationError } from '../shared/errors.js';
import type { MunicipalityKind } from './municipality-words.js';

export interface OrganisationInput {
  kind: 'ward' | 'company';
  name: string;
  nameKana?: string | null;
  corporateNumber?: string | null;
  address?: string | null;
  /** 代表者: title and name, as documents print it. */
  representative?: string | null;
  settings?: WardSettings;
  /** Wards a new company is linked to (administrators only; ward staff link their own ward). */
  wardIds?: string[];
  /** A tenant's kind of municipality (default 特別区); not for companies. */
  municipalityKind?: MunicipalityKind;
  /** 呼称 (default: the kind's own word, 区/市/町/村/組合/連合); not for companies. */
  selfWord?: string | null;
  /** Its council (審議会); null: it has none. */
  councilName?: string | null;
  ordinanceName?: string | null;
  /** Its head's title when not the kind's (区長, 市長, …; 管理者, 広域連合長). */
  headTitle?: string | null;
  /** The body its rules send its reports to, when that is not its council. */
  reportBodyName?: string | null;
}

export type OrganisationPatch = Partial<
  Pick<
    OrganisationInput,
    | 'name'
    | 'nameKana'
    | 'corporateNumber'
    | 'address'
    | 'representative'
    | 'settings'
    | 'municipalityKind'
    | 'selfWord'
    | 'councilName'
    | 'ordinanceName'
    | 'headTitle'
    | 'reportBodyName'
  >
>;

export const MUNICIPALITY_FIELDS = [
  'municipalityKind',
  'selfWord',
  'councilName',
  'ordinanceName',
  'headTitle',
  'reportBodyName',
] as const;

/** The municipality's fields named for an organisation that is not a tenant (a company). */
export function municipalityFieldsGiven(input: OrganisationPatch): string[] {
  return MUNICIPALITY_FIELDS.filter((f) => input[f] !== undefined && input[f] !== null);
}

export function notForCompanies(fields: string[]): ValidationError {
  return new ValidationError(
    {
      en: "Only a municipality has a kind, a word for itself, a head's title, a council, a reporting body and an ordinance",
      ja: '自治体の種別・呼称・長の職名・審議会・報告先・条例は自治体にのみ設定できます',
    },
    fields.map((path) => ({
      path,
      message: 'only for a municipality (kind ward)',
      message_ja: '自治体（kind: ward）の場合のみ指定できます',
    })),
  );
}
