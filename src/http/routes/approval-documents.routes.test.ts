import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVALS, callCentreApplication, signOff, step } from '../../../test/helpers/approvals.js';
import { pageClient, textOf } from '../../../test/helpers/browser.js';
import { CONTRACTS, expectStatus } from '../../../test/helpers/contracts.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../test/helpers/world.js';
import { toJapanDate } from '../../domain/shared/japan-date.js';
import { toWareki } from '../../domain/shared/wareki.js';

// The papers of a sub-contracting approval: the application (再委託承認申請書) from the moment it
// exists, the approval notice (承認通知書) once it is approved, both with the 決裁欄 filled with
// the signers' names and 令和 dates; read like the approval (404 for anyone else), downloaded from
// the approval's page.

const KEEP = process.env.KEEP_PDFS;
let t: TestApp;
let w: World;
let approval: { id: string; number: string; version: number; status: string };

const pdfOf = async (path: string, who: string) => {
  const res = await t.app.request(path, { headers: { authorization: `Bearer ${w.tokens[who]}` } });
  return res;
};
const flatText = async (res: Response) =>
  (await pdfText(new Uint8Array(await res.arrayBuffer()))).text.replace(/\s/g, '');

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  const applied = expectStatus(
    await t.call('POST', `${CONTRACTS}/${w.bicycleContractId}/subcontract-applications`, {
      token: w.tokens.contractor_manager,
      json: callCentreApplication(w),
    }),
    201,
  );
  approval = expectStatus(await step(t, w, 'contractor_manager', applied, 'submit'), 200);
});
afterAll(() => t.close());

describe('the sub-contracting application and its approval notice', () => {
  it('prints the application as submitted, before any signature, with no notice yet', async () => {
    const res = await pdfOf(`${APPROVALS}/${approval.id}/application/pdf`, 'contractor_manager');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = await flatText(res);
    for (const e of [
      '再委託承認申請書',
      '新宿区長殿',
      '株式会社サイクルサポート東京',
      '代表者代表取締役佐藤健一',
      '印',
      '株式会社コールセンター・ジャパン（法人番号1011101000003）',
      '代表者：代表取締役高橋誠',
      '自転車対策コールセンターの運営（問合せの受付及び回答）',
      '問合せ者（委託先が収集する項目）：氏名、住所、電話番号、問合せ内容',
      'プライバシーマーク取得事業者とする',
      '月1回の業務報告と年1回以上の立入調査により監督する',
      '区記入欄',
      '決裁',
      '課長',
      '係長',
      '担当者',
    ]) {
      expect(text).toContain(e);
    }
    // nobody has signed yet: no name in the boxes
    expect(text).not.toContain('交通花子');
    const notice = await pdfOf(`${APPROVALS}/${approval.id}/notice/pdf`, 'contractor_manager');
    expect(notice.status).toBe(409);
    expect((await notice.json()).detail_ja).toContain('承認（決裁）された後に発行されます');
  });

  it('prints both with the 決裁欄 filled, names and 令和 dates, once the chain has signed', async () => {
    approval = await signOff(t, w, approval);
    expect(approval.status).toBe('approved');
    const today = toWareki(toJapanDate(t.clock.now()));
    for (const [name, path] of [
      ['subdelegation-application', 'application/pdf'],
      ['approval-notice', 'notice/pdf'],
    ]) {
      const res = await pdfOf(`${APPROVALS}/${approval.id}/${path}`, 'ward_officer');
      expect(res.status, path).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (KEEP) await writeFile(`${KEEP}/${name}.pdf`, bytes);
      const text = (await pdfText(bytes)).text.replace(/\s/g, '');
      // the demo's signers: 担当者 交通 花子, 係長 新宿 一郎, 課長 (the world's manager)
      for (const signer of ['交通花子', '新宿一郎']) expect(text, path).toContain(signer);
      expect(text, path).toContain(today.replace(/\s/g, ''));
      expect(text, path).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    }
    const notice = await flatText(
      await pdfOf(`${APPROVALS}/${approval.id}/notice/pdf`, 'contractor_manager'),
    );
    for (const e of [
      '再委託承認通知書',
      '株式会社サイクルサポート東京',
      '代表取締役佐藤健一様',
      '新宿区長',
      '下記のとおり承認します',
      '承認の条件',
      '特記事項第7条第3項',
    ]) {
      expect(notice).toContain(e);
    }
    // the application's number instead of the blank 「第　　号」
    expect(approval.number).toMatch(/^R8-再委託-\d{4}$/);
    expect(notice).toContain(`第${approval.number}号`);
  });

  it('answers 404 to anyone who may not read the approval, and for a delegation approval', async () => {
    for (const path of ['application/pdf', 'notice/pdf']) {
      for (const who of ['other_contractor_manager', 'other_ward_officer']) {
        expect((await pdfOf(`${APPROVALS}/${approval.id}/${path}`, who)).status, `${who} ${path}`).toBe(404);
      }
      expect((await t.app.request(`${APPROVALS}/${approval.id}/${path}`)).status).toBe(401);
      expect((await pdfOf(`${APPROVALS}/not-a-uuid/${path}`, 'ward_officer')).status).toBe(422);
    }
    const delegations = expectStatus(
      await t.call('GET', `${APPROVALS}?kind=delegation`, { token: w.tokens.ward_officer }),
      200,
    );
    const delegation = delegations.items[0];
    expect(delegation).toBeDefined();
    expect((await pdfOf(`${APPROVALS}/${delegation.id}/application/pdf`, 'ward_officer')).status).toBe(404);
  });

  it('offers both as downloads on the approval page, the notice only once approved', async () => {
    const contractor = await pageClient(t, USERS.contractor_manager!.email);
    const page = await contractor.get(`/approvals/${approval.id}`);
    expect(page.html).toContain(`href="/approvals/${approval.id}/application.pdf"`);
    expect(page.html).toContain(`href="/approvals/${approval.id}/notice.pdf"`);
    expect(textOf(page.html)).toContain('承認通知書（PDF）をダウンロード');
    const { number } = approval;
    expect(textOf(page.html)).toContain(number);
    expect(textOf((await contractor.get('/approvals?view=all')).html)).toContain(number);
    const cookie = [...contractor.jar].map(([k, x]) => `${k}=${x}`).join('; ');
    const download = await t.app.request(`/approvals/${approval.id}/notice.pdf`, { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="approval-notice-/);
    const other = await pageClient(t, USERS.other_contractor_manager!.email);
    expect((await other.get(`/approvals/${approval.id}/notice.pdf`)).status).toBe(404);
  });
});
