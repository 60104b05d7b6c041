import type { Measures } from '../../db/tables/contracts.js';
import type { RegisterDocument } from '../registers/register-document.js';

// What an application says, frozen when it is made: the approval shows it as it was approved even
// after the contract or the register changes.

/** 委託の承認: the department's application to outsource work involving personal information. */
export interface DelegationApplication {
  kind: 'delegation';
  title: string;
  departmentId: string;
  contractorOrgId: string;
  selectionMethod: string | null;
  requiredCertifications: string[];
  workDescription: string | null;
  reason: string | null;
  periodFrom: string;
  periodTo: string;
  register: RegisterDocument;
  wardMeasures: Measures;
  contractorMeasures: Measures;
  /** What changed against the approval this one supersedes (a material change). */
  changes: string[];
}

/** 再委託申請 (toshima 別紙7 第7条第2項). */
export interface SubdelegationApplication {
  kind: 'subdelegation';
  /** 再委託先 */
  subcontractorOrgId: string;
  /** 再委託する理由 (why it is unavoidable) */
  reason: string;
  /** 再委託して処理する内容 */
  scope: string;
  /** Only part of the work may be sub-contracted, never the whole or its main part. */
  portion: 'part';
  /** 再委託において取り扱う情報 (a subset of the parent's register) */
  register: RegisterDocument;
  /** 再委託先における安全性及び信頼性を確保する対策 */
  safetyMeasures: string[];
  /** 再委託先に対する管理及び監督の方法 */
  supervisionMethod: string;
  periodFrom: string;
  periodTo: string;
  title: string;
}

export type Application = DelegationApplication | SubdelegationApplication;
