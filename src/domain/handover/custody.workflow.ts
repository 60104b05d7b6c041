import {
  CUSTODY_MACHINE_VERSION,
  custodyMachine,
  ERASABLE,
  type PackageState,
} from '../../../workflows/custody/custody.machine.js';
import type { Message } from '../shared/errors.js';
import type { Command, Workflow } from '../shared/workflow.js';
import { type Custody, findPackage, type HandoverPackage, loadCustody } from './package.repository.js';

// 受渡データの管理 (seed 003 運用5–12) on the shared step runner: every custody step of a package —
// handing over the media and, on another occasion, the password notice; storing it in the locked
// cabinet; take-outs; its return and hash check; withdrawal — is a command declared beside its use
// case (hand-over-package.ts, store-package.ts, …) and taken through runStep. The package's
// custody (handovers, take-outs, hash checks) is the facts every step reads.

export const CUSTODY_STATE_NAMES: Record<PackageState, Message> = {
  prepared: { en: 'prepared (not handed over)', ja: '作成済み（未受渡し）' },
  media_handed_over: { en: 'media handed over', ja: '媒体受渡済み' },
  password_handed_over: { en: 'password notice handed over', ja: 'パスワード通知書受渡済み' },
  stored_awaiting_password: {
    en: 'in custody, password notice not yet handed over',
    ja: '保管中（パスワード通知書未受渡し）',
  },
  in_custody: { en: 'in custody', ja: '保管中' },
  taken_out: { en: 'taken out', ja: '持出し中' },
  returned: { en: 'returned (hash not checked)', ja: '返却済み（ハッシュ未確認）' },
  verified: { en: 'returned and checked', ja: '返却確認済み' },
  erased: { en: 'erased', ja: '消去済み' },
  withdrawn: { en: 'withdrawn', ja: '取下げ' },
};

export const custodyWorkflow: Workflow<HandoverPackage> = {
  machine: custodyMachine,
  version: CUSTODY_MACHINE_VERSION,
  subject: 'HandoverPackage',
  name: { en: 'Handover package', ja: '受渡データ' },
  table: 'handover_packages',
  auditPrefix: 'handover_package',
  load: findPackage,
  contractIdOf: (p) => p.contractId,
  stateNames: CUSTODY_STATE_NAMES,
  // version 2 only added a state: every version-1 snapshot means the same
  upgrades: { 1: (snapshot) => snapshot },
};

/** A custody step: the facts are the package's custody; `I` is what the person recorded. */
export type CustodyStep<I> = Command<HandoverPackage, I, Custody>;

/** The custody every step reads, in the step's transaction. */
export const custodyFacts: CustodyStep<unknown>['facts'] = ({ tx, record }) => loadCustody(tx, record);

/** Take-outs still open (requested, approved, out): at most one at a time. */
export const OPEN_TAKE_OUTS = ['requested', 'approved', 'out'];

/** The states of a package its recipient may list in an erasure record (held, not taken out). */
export const ERASABLE_STATES: readonly PackageState[] = ERASABLE;

/** 消去: a package listed in an erasure record becomes erased when its certificate is issued. */
export const eraseOnCertificate: CustodyStep<{ certificateNumber: string }> = {
  name: 'erase',
  label: { en: 'erase', ja: '消去' },
  can: { action: 'update', field: 'store' },
  event: () => ({ type: 'ERASE' }),
  audit: ({ input }) => ({ after: { certificateNumber: input.certificateNumber } }),
};
