import type { Measures } from '../../db/tables/contracts.js';
import type { ProcessingMode } from './contract.repository.js';

/** What a privacy officer registers (委託契約の登録). */
export interface ContractInput {
  departmentId: string;
  contractorOrgId: string;
  title: string;
  contractNumber?: string | null;
  contractDate?: string | null;
  periodFrom: string;
  periodTo: string;
  amountYen?: number | null;
  place?: string | null;
  handlesPersonalInfo: boolean;
  processingModes?: ProcessingMode[];
  selectionMethod?: string | null;
  requiredCertifications?: string[];
  workDescription?: string | null;
  reason?: string | null;
  wardMeasures?: Measures;
  contractorMeasures?: Measures;
}

export type ContractPatch = Partial<Omit<ContractInput, 'contractorOrgId'>>;
