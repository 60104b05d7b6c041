import { expectStatus } from './contracts.js';
import type { TestApp } from './test-app.js';
import type { World } from './world.js';

export const APPROVALS = '/api/v1/approvals';

/** One step of an approval as `who`; returns the raw answer. */
export function step(
  t: TestApp,
  w: World,
  who: string,
  approval: { id: string; version: number },
  command: string,
  extra: object = {},
) {
  return t.call('POST', `${APPROVALS}/${approval.id}/${command}`, {
    token: w.tokens[who],
    json: { version: approval.version, ...extra },
  });
}

/** Review and sign by the whole chain, 担当者 → 係長 → 課長, from a submitted application. */
export async function signOff(t: TestApp, w: World, submitted: { id: string; version: number }) {
  let approval = expectStatus(await step(t, w, 'ward_officer', submitted, 'start-review'), 200);
  for (const who of ['ward_officer', 'ward_chief', 'ward_manager']) {
    approval = expectStatus(await step(t, w, who, approval, 'approve', { comment: `${who} 承認` }), 200);
  }
  return approval;
}

/** 委託の承認 of a contract, applied for, submitted and signed: the way a contract becomes activatable. */
export async function approveDelegation(
  t: TestApp,
  w: World,
  contractId: string,
  councilMode: 'report' | 'consult' = 'report',
) {
  const applied = expectStatus(
    await t.call('POST', `/api/v1/contracts/${contractId}/delegation-approval`, {
      token: w.tokens.ward_officer,
      json: { councilMode },
    }),
    201,
  );
  const submitted = expectStatus(await step(t, w, 'ward_officer', applied, 'submit'), 200);
  return signOff(t, w, submitted);
}

/**
 * The seed 003 call centre: part of the bicycle-measures work, with the inquiry data and the owners' data.
 * It starts on 1 June 2026, or today when that has passed (a sub-contract may not start before it
 * is approved).
 */
export function callCentreApplication(w: World, overrides: Record<string, unknown> = {}) {
  const start = w.today() > '2026-06-01' ? w.today() : '2026-06-01';
  return {
    // named by its corporate number (法人番号): the contractor does not work with it yet
    subcontractor: { name: '株式会社コールセンター・ジャパン', corporateNumber: '1011101000003' },
    title: '自転車対策コールセンター運営業務',
    reason:
      '一括委託後は業務内容が多岐にわたることから、専門的な知識及びノウハウをもつ事業者に再委託することで、効率的かつ効果的に業務を実施する。',
    scope: '自転車対策コールセンターの運営（問合せの受付及び回答）',
    portion: 'part',
    register: {
      subjectGroups: [
        {
          name: '問合せ者',
          items: [
            { name: '氏名', catalogueCode: 'name', direction: 'collected' },
            { name: '住所', catalogueCode: 'address', direction: 'collected' },
            { name: '電話番号', catalogueCode: 'phone', direction: 'collected' },
            { name: '問合せ内容', catalogueCode: 'inquiry', direction: 'collected' },
          ],
        },
        {
          name: '撤去車両所有者',
          items: [
            { name: '住所', catalogueCode: 'address', direction: 'provided', includesPastYears: true },
            { name: '氏名', catalogueCode: 'name', direction: 'provided', includesPastYears: true },
            { name: '電話番号', catalogueCode: 'phone', direction: 'provided', includesPastYears: true },
          ],
        },
      ],
      media: [{ kind: 'contractor_pc', name: '委託先のパソコン' }],
    },
    safetyMeasures: ['プライバシーマーク取得事業者とする', '再委託先の従事者に個人情報保護研修を受講させる'],
    supervisionMethod: '月1回の業務報告と年1回以上の立入調査により監督する',
    periodFrom: start,
    periodTo: '2027-03-31',
    ...overrides,
  };
}
