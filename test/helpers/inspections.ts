import { callCentreApplication, signOff, step } from './approvals.js';
import { expectStatus } from './contracts.js';
import { startSubcontract } from './handover.js';
import type { CallResult, TestApp } from './test-app.js';
import type { World } from './world.js';

// On-site inspections as the HTTP tests drive them: always through the API.

export const INSPECTIONS = '/api/v1/inspections';

export interface InspectionItemView {
  key: string;
  label: string;
  text: string;
  answer: { result: string | null; version: number; checkedOn: string | null };
  finding: { id: string; status: string; version: number } | null;
}

/** Every item of an inspection detail, in order. */
export function itemsOf(detail: {
  sections: Array<{ key: string; groups: Array<{ items: InspectionItemView[] }> }>;
}): InspectionItemView[] {
  return detail.sections.flatMap((s) => s.groups.flatMap((g) => g.items));
}

export function plan(
  t: TestApp,
  w: World,
  body: Record<string, unknown>,
  who = 'inspector',
): Promise<CallResult> {
  return t.call('POST', INSPECTIONS, {
    token: w.tokens[who],
    json: { templateKey: 'toshima-protection', plannedOn: '2026-11-20', ...body },
  });
}

export function command(
  t: TestApp,
  w: World,
  who: string,
  inspection: { id: string; version: number },
  name: string,
  extra: object = {},
): Promise<CallResult> {
  return t.call('POST', `${INSPECTIONS}/${inspection.id}/${name}`, {
    token: w.tokens[who],
    json: { version: inspection.version, ...extra },
  });
}

export function putItem(
  t: TestApp,
  token: string | undefined,
  inspectionId: string,
  item: { key: string; answer: { version: number } },
  body: Record<string, unknown>,
): Promise<CallResult> {
  return t.call('PUT', `${INSPECTIONS}/${inspectionId}/items/${item.key}`, {
    token,
    json: { checkedOn: '2026-11-20', version: item.answer.version, ...body },
  });
}

export async function detail(t: TestApp, w: World, id: string, who = 'inspector') {
  return expectStatus(await t.call('GET', `${INSPECTIONS}/${id}`, { token: w.tokens[who] }), 200);
}

/** Answers every unanswered item ○ (or 該当なし where `na` says so), one by one as a phone would. */
export async function answerRest(
  t: TestApp,
  w: World,
  id: string,
  na: (key: string) => boolean = () => false,
) {
  const current = await detail(t, w, id);
  for (const item of itemsOf(current).filter((i) => i.answer.result === null)) {
    expectStatus(await putItem(t, w.tokens.inspector, id, item, { result: na(item.key) ? 'na' : 'ok' }), 200);
  }
  return detail(t, w, id);
}

/** 担当者 → 係長 → 課長 on a submitted inspection. */
export async function signInspection(t: TestApp, w: World, submitted: { id: string; version: number }) {
  let inspection = submitted;
  for (const who of ['ward_officer', 'ward_chief', 'ward_manager']) {
    inspection = expectStatus(
      await command(t, w, who, inspection, 'approve', { comment: `${who} 決裁` }),
      200,
    );
  }
  return inspection as { id: string; version: number; status: string };
}

/** The seed 003 call centre, applied for by the contractor, approved by the ward and started: a
 * sub-contract in progress whose sub-contractor can be inspected. */
export async function approvedSubcontract(t: TestApp, w: World): Promise<{ contractId: string }> {
  const applied = expectStatus(
    await t.call('POST', `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`, {
      token: w.tokens.contractor_manager,
      json: callCentreApplication(w),
    }),
    201,
  );
  const submitted = expectStatus(await step(t, w, 'contractor_manager', applied, 'submit'), 200);
  const approved = await signOff(t, w, submitted);
  if (approved.status !== 'approved') throw new Error(`sub-contract not approved: ${approved.status}`);
  await startSubcontract(t, w, applied.contractId);
  return { contractId: applied.contractId };
}

// A 1×1 PNG, standing in for a photo taken on site.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

/** Uploads evidence through the attachments API; returns its id. */
export async function uploadEvidence(
  t: TestApp,
  token: string | undefined,
  { wardId, purpose = 'photo', name = '保管庫.png' }: { wardId?: string; purpose?: string; name?: string },
): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), name);
  form.append('purpose', purpose);
  if (wardId) form.append('wardId', wardId);
  return expectStatus(await t.call('POST', '/api/v1/attachments', { token, body: form }), 201).id;
}
