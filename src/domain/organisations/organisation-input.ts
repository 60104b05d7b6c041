import type { WardSettings } from '../../db/database.js';

export interface OrganisationInput {
  kind: 'ward' | 'company';
  name: string;
  nameKana?: string | null;
  corporateNumber?: string | null;
  address?: string | null;
  settings?: WardSettings;
  /** Wards a new company is linked to (administrators only; ward staff link their own ward). */
  wardIds?: string[];
}

export type OrganisationPatch = Partial<
  Pick<OrganisationInput, 'name' | 'nameKana' | 'corporateNumber' | 'address' | 'settings'>
>;
