import type { MediaKind } from '../registers/register-document.js';

// Words of erasure records (消去の記録) and certificates (消去証明書), with the Japanese the
// documents show. Seed 003 運用13: データ消去ソフトを利用した論理消去等の方法により…復元できない状態;
// seed 001 別紙7 第10条2: 物理的な破壊その他…判読不可能とするのに必要な措置.

export const ERASURE_SCOPES = ['no_longer_needed', 'contract_end'] as const;
export type ErasureScope = (typeof ERASURE_SCOPES)[number];
export const SCOPE_JA: Record<ErasureScope, string> = {
  no_longer_needed: '業務上不要となったため',
  contract_end: '業務終了（契約の終了）のため',
};

export const ERASURE_METHODS = [
  'erasure_software',
  'overwrite',
  'physical_destruction',
  'shredding',
] as const;
export type ErasureMethod = (typeof ERASURE_METHODS)[number];
export const METHOD_JA: Record<ErasureMethod, string> = {
  erasure_software: 'データ消去ソフトによる消去',
  overwrite: '上書き消去',
  physical_destruction: '物理的破壊',
  shredding: '裁断（シュレッダー）',
};

/** What became of an item's data: erased here, or handed back (資料等の返還). */
export const DISPOSITIONS = ['erased', 'returned'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const DISPOSITION_JA: Record<Disposition, string> = { erased: '消去・廃棄', returned: '返還' };

export const WITNESS_SIDES = ['ward', 'contractor', 'other'] as const;
export type WitnessSide = (typeof WITNESS_SIDES)[number];
export const WITNESS_SIDE_JA: Record<WitnessSide, string> = {
  ward: '{self}職員',
  contractor: '委託先',
  other: 'その他',
};

export interface ErasedItem {
  subjectGroup: string;
  name: string;
  direction: 'collected' | 'provided';
  disposition: Disposition;
}

export interface ErasedMedium {
  kind: MediaKind;
  description: string;
}

export interface ErasedDevice {
  description: string;
  serialNumber?: string | null;
}

export interface ErasedPaper {
  description: string;
  quantity?: string | null;
}

export interface MethodUsed {
  method: ErasureMethod;
  /** The erasure software's name (and version), required for erasure_software. */
  software?: string | null;
  detail?: string | null;
}

export interface Witness {
  name: string;
  side: WitnessSide;
  organisationName?: string | null;
}
