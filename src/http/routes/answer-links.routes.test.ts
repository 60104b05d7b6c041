import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, samplePdf, serveApp, textOf } from '../../../test/helpers/browser.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';
import { createSmtpMailer } from '../../adapters/smtp-mailer.js';
import { hashLinkToken, newLinkToken } from '../../domain/answer-links/answer-link-token.js';
import { issueReports } from '../../domain/reports/issue-reports.js';
import { periodOf } from '../../domain/reports/periods.js';

// 回答用リンク through app.request and over a real socket: a ward's officer sends a contact without
// an account a one-time link to answer 別紙5; the contact opens it (no session, no menu), submits
// through the same step as the company's manager, the audit names the contact, and the link stops
// working. Expired, revoked, forged, malformed and other-purpose tokens all answer the same page;
// the form's proof is bound to the token; guessing is throttled; the token never reaches the log.

let t: TestApp;
let w: World;
let reportId = '';
const logLines: string[] = [];
const DAY = 24 * 3600 * 1000;

/** Answers that satisfy every rule of 別紙5 without copies, as the page posts them. */
const COMPLETE = {
  'q1.answer': 'no',
  'q2.answer': 'no',
  'q3.answer': 'yes',
  'q3.useHandlerList': 'on',
  'q4.answer': 'yes',
  'q4.text': '2026年9月 個人情報保護研修（全従事者）',
  'q5.answer': 'no',
  'q6.answer': 'no',
  'q9.answer': 'yes',
};

const contact = {
  name: '戸塚 花子',
  email: 'hanako@cycle-support.example.jp',
  organisation: '株式会社サイクルサポート東京',
};

async function makeLink(body: Record<string, unknown> = {}, who = 'ward_officer') {
  return t.call('POST', '/api/v1/answer-links', {
    token: w.tokens[who],
    json: { purpose: 'compliance_report_answer', targetId: reportId, contact, ...body },
  });
}

/** A client of its own address: the throttle counts per client. */
let clients = 0;
async function contactClient() {
  const ip = `198.51.100.${++clients}`;
  const client = await pageClient(t);
  return {
    ...client,
    open: (token: string) => client.request('GET', `/l/${token}`, undefined, { 'x-test-client-ip': ip }),
    send: (token: string, form: Record<string, string>) =>
      client.request('POST', `/l/${token}`, form, { 'x-test-client-ip': ip }),
  };
}
const proofOf = (html: string) => html.match(/name="_csrf" value="([^"]+)"/)![1]!;
const versionOf = (html: string) => html.match(/name="version" value="(\d+)"/)![1]!;
const report = async () =>
  t.handle.db
    .selectFrom('compliance_reports')
    .selectAll()
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();

let goneBody = '';

/** A single-part mail's text, its transfer encoding undone. */
function mailText(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

beforeAll(async () => {
  t = await createTestApp({
    deps: { logger: pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) }) },
  });
  t.clock.set('2026-05-01T01:00:00Z');
  w = await buildWorld(t);
  t.clock.set('2026-10-05T01:00:00Z');
  await issueReports(t.handle.db, periodOf('2026H1'), t.clock.now());
  // the tokens of May have expired by October
  for (const who of ['ward_officer', 'other_ward_officer', 'contractor_manager'])
    w.tokens[who] = await signIn(t, USERS[who]!.email);
  const list = expectStatus(
    await t.call('GET', '/api/v1/compliance-reports?period=2026H1', { token: w.tokens.contractor_manager }),
    200,
  );
  reportId = list.items.find(
    (r: { organisationId: string }) => r.organisationId === w.companies.contractor,
  ).id;
  // what any unusable link answers, to compare every other case with
  const forged = await (await contactClient()).open(newLinkToken());
  expect(forged.status).toBe(404);
  goneBody = forged.html;
});
afterAll(() => t.close());

describe('making a link', () => {
  it('is shown once with its token; only a hash is stored, and the making is audited', async () => {
    const made = expectStatus(await makeLink(), 201);
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(made.url).toBe(`http://localhost/l/${made.token}`);
    expect(made).toMatchObject({
      purpose: 'compliance_report_answer',
      targetId: reportId,
      state: 'open',
      contact,
    });
    // 7 days by default
    expect(new Date(made.expiresAt).getTime() - t.clock.now().getTime()).toBe(7 * DAY);
    const row = await t.handle.db
      .selectFrom('answer_links')
      .selectAll()
      .where('id', '=', made.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(await hashLinkToken(made.token));
    expect(JSON.stringify(row)).not.toContain(made.token);
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'after'])
      .where('subject_id', '=', made.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['answer_link.create']);
    expect(JSON.stringify(audit)).not.toContain(made.token);
  });

  it('mails the link to the contact when a mailer is set', async () => {
    const received: Array<{ to: string[]; data: string }> = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    t.deps.mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`);
    try {
      const made = expectStatus(await makeLink(), 201);
      expect(made.mailed).toBe(true);
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toEqual([contact.email]);
      const text = mailText(received[0]!.data);
      expect(text).toContain(made.url);
      expect(text).toContain(`${contact.organisation} ${contact.name} 様`);
    } finally {
      delete t.deps.mailer;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses another ward’s officer (404), a company (403), a bad period or contact (422)', async () => {
    expect((await makeLink({}, 'other_ward_officer')).status).toBe(404);
    expect((await makeLink({}, 'contractor_manager')).status).toBe(403);
    expect((await makeLink({ expiresInDays: 31 })).status).toBe(422);
    expect((await makeLink({ contact: { ...contact, email: 'not-an-address' } })).status).toBe(422);
    expect((await makeLink({ targetId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
  });

  it('lists the ward’s links in its ward only, never with a token', async () => {
    const mine = expectStatus(
      await t.call('GET', `/api/v1/answer-links?targetId=${reportId}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items[0]).not.toHaveProperty('token');
    for (const who of ['other_ward_officer', 'contractor_manager']) {
      const theirs = expectStatus(
        await t.call('GET', `/api/v1/answer-links?targetId=${reportId}`, { token: w.tokens[who] }),
        200,
      );
      expect(theirs.items).toEqual([]);
    }
  });
});

describe('links that do not open', () => {
  it('answers an expired link like a forged one, under the test clock', async () => {
    const made = expectStatus(await makeLink({ expiresInDays: 1 }), 201);
    const client = await contactClient();
    t.clock.advance(DAY - 60_000);
    expect((await client.open(made.token)).status).toBe(200);
    t.clock.advance(2 * 60_000);
    const expired = await client.open(made.token);
    expect(expired.status).toBe(404);
    expect(expired.html).toBe(goneBody);
    t.clock.set('2026-10-05T01:00:00Z');
  });

  it('stops a revoked link; revoking twice is 409, another ward’s officer gets 404', async () => {
    const made = expectStatus(await makeLink(), 201);
    expect(
      (await t.call('POST', `/api/v1/answer-links/${made.id}/revoke`, { token: w.tokens.other_ward_officer }))
        .status,
    ).toBe(404);
    const revoked = expectStatus(
      await t.call('POST', `/api/v1/answer-links/${made.id}/revoke`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(revoked.state).toBe('revoked');
    const opened = await (await contactClient()).open(made.token);
    expect(opened.status).toBe(404);
    expect(opened.html).toBe(goneBody);
    expect(
      (await t.call('POST', `/api/v1/answer-links/${made.id}/revoke`, { token: w.tokens.ward_officer }))
        .status,
    ).toBe(409);
  });

  it('answers a malformed token, a path below a token and a token for another purpose the same', async () => {
    const client = await contactClient();
    for (const path of ['abc', `${newLinkToken()}/x`]) {
      const answer = await client.request('GET', `/l/${path}`);
      expect(answer.status).toBe(404);
      expect(answer.html).toBe(goneBody);
    }
    // a pledge-upload link for the same company: not a key to its report
    const token = newLinkToken();
    await t.handle.db
      .insertInto('answer_links')
      .values({
        ward_id: w.wardId,
        token_hash: await hashLinkToken(token),
        purpose: 'handler_pledge_upload',
        target_id: reportId,
        organisation_id: w.companies.contractor,
        contact_name: contact.name,
        contact_email: contact.email,
        contact_organisation: contact.organisation,
        created_by: w.userIds.ward_officer!,
        created_at: t.clock.now(),
        expires_at: new Date(t.clock.now().getTime() + DAY),
      })
      .execute();
    const other = await client.open(token);
    expect(other.status).toBe(404);
    expect(other.html).toBe(goneBody);
    expect((await client.send(token, COMPLETE)).status).toBe(404);
    expect((await report()).status).toBe('issued');
  });

  it('throttles a client guessing tokens like sign-in (429), while another client still opens its link', async () => {
    const guesser = await contactClient();
    let last = 0;
    for (let i = 0; i < 7; i++) last = (await guesser.open(newLinkToken())).status;
    expect(last).toBe(429);
    const made = expectStatus(await makeLink(), 201);
    expect((await (await contactClient()).open(made.token)).status).toBe(200);
  });
});

describe('answering through the link', () => {
  let token = '';
  let linkId = '';

  it('shows the 別紙5 form prefilled, without menu or session, never cached nor referred', async () => {
    const made = expectStatus(await makeLink(), 201);
    token = made.token;
    linkId = made.id;
    const page = await (await contactClient()).open(token);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.html).not.toContain('site-nav');
    expect(page.html).not.toContain('/logout');
    const text = textOf(page.html);
    expect(text).toContain('戸塚 花子');
    expect(text).toContain('遵守状況報告書（別紙5）へのご回答');
    expect(text).toContain('区から、個人情報特記事項'); // the ward's own word
    expect(page.html).toContain('name="q1.answer"');
    const english = await (await contactClient()).request('GET', `/l/${token}?lang=en`);
    expect(textOf(english.html)).toContain('Your answer to the compliance report');
  });

  it('refuses a post without the form’s proof, or with a proof made for another link (403)', async () => {
    const client = await contactClient();
    const page = await client.open(token);
    const version = versionOf(page.html);
    expect((await client.send(token, { ...COMPLETE, version })).status).toBe(403);
    // a proof of another link's page, with that page's cookie
    const other = expectStatus(await makeLink(), 201);
    const otherPage = await client.open(other.token);
    expect((await client.send(token, { ...COMPLETE, version, _csrf: proofOf(otherPage.html) })).status).toBe(
      403,
    );
    // the right proof without its cookie
    const stranger = await contactClient();
    expect((await stranger.send(token, { ...COMPLETE, version, _csrf: proofOf(page.html) })).status).toBe(
      403,
    );
    expect((await report()).status).toBe('issued');
  });

  it('shows what is missing (422) and keeps the link usable', async () => {
    const client = await contactClient();
    const page = await client.open(token);
    const answer = await client.send(token, {
      'q1.answer': 'no',
      version: versionOf(page.html),
      _csrf: proofOf(page.html),
    });
    expect(answer.status).toBe(422);
    expect(answer.html).toContain('field-error');
    expect((await report()).status).toBe('issued');
    expect((await client.open(token)).status).toBe(200);
  });

  it('submits through the step runner as the contact, audited, and spends the link', async () => {
    const client = await contactClient();
    const page = await client.open(token);
    const done = await client.send(token, {
      ...COMPLETE,
      command: 'submit',
      version: versionOf(page.html),
      _csrf: proofOf(page.html),
    });
    expect(done.status).toBe(200);
    expect(textOf(done.html)).toContain('ご回答を受け付けました');
    const row = await report();
    expect(row.status).toBe('submitted');
    expect(row.submitted_by).toBeNull();
    expect(row.answers).toMatchObject({ q4: { answer: 'yes', text: COMPLETE['q4.text'] } });

    const entries = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'actor_user_id', 'actor_org_id', 'after'])
      .where('subject_id', 'in', [reportId, linkId])
      .where('action', 'in', ['compliance_report.submit', 'answer_link.use'])
      .execute();
    expect(entries.map((e) => e.action).sort()).toEqual(['answer_link.use', 'compliance_report.submit']);
    for (const entry of entries) {
      expect(entry.actor_user_id).toBeNull();
      expect(entry.actor_org_id).toBe(w.companies.contractor);
      expect((entry.after as { actor: unknown }).actor).toEqual({
        ref: `contact:${linkId}`,
        linkId,
        ...contact,
      });
    }
    const steps = await t.handle.db
      .selectFrom('compliance_report_steps')
      .select(['decision', 'user_id'])
      .where('report_id', '=', reportId)
      .execute();
    expect(steps).toEqual([{ decision: 'submit', user_id: null }]);

    // spent: the same answer as a forged token, for a reload of the post too
    const again = await client.open(token);
    expect(again.status).toBe(404);
    expect(again.html).toBe(goneBody);
    expect((await client.send(token, { ...COMPLETE, _csrf: proofOf(page.html) })).status).toBe(404);
  });

  it('shows the ward that the report was answered through a link, by whom', async () => {
    const api = expectStatus(
      await t.call('GET', `/api/v1/compliance-reports/${reportId}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(api.answeredThroughLink).toMatchObject({ linkId, ...contact });
    const officer = await pageClient(t, 'officer@city.shinjuku.example.jp');
    const page = await officer.get(`/compliance-reports/${reportId}`);
    expect(textOf(page.html)).toContain('回答用リンクにより 戸塚 花子（株式会社サイクルサポート東京');
    const links = expectStatus(
      await t.call('GET', `/api/v1/answer-links?targetId=${reportId}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(links.items.find((l: { id: string }) => l.id === linkId).state).toBe('used');
    // the report no longer awaits the company: no new link for it
    expect((await makeLink()).status).toBe(409);
  });
});

describe('a handler’s pledge through a link', () => {
  let handlerId = '';
  let token = '';
  let linkId = '';
  const pledgeLink = (who = 'ward_officer') =>
    t.call('POST', '/api/v1/answer-links', {
      token: w.tokens[who],
      json: { purpose: 'handler_pledge_upload', targetId: handlerId, contact },
    });

  it('is made for a handler on the ward’s rosters without a pledge’s copy; not by another ward', async () => {
    handlerId = (
      await t.handle.db
        .selectFrom('handlers')
        .select('id')
        .where('full_name', '=', '早稲田 拓也')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await pledgeLink('other_ward_officer')).status).toBe(404);
    expect((await pledgeLink('contractor_manager')).status).toBe(403);
    const made = expectStatus(await pledgeLink(), 201);
    token = made.token;
    linkId = made.id;
  });

  it('offers only the pledge upload for the named handler, and answers no report', async () => {
    const client = await contactClient();
    const page = await client.open(token);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('早稲田 拓也さんの誓約書（写し）のご提出');
    expect(page.html).not.toContain('name="q1.answer"');
    const before = await report();
    const posted = await client.send(token, { ...COMPLETE, command: 'submit', _csrf: proofOf(page.html) });
    expect(posted.status).toBe(422);
    expect(textOf(posted.html)).toContain('誓約書の写しを選択してください');
    expect((await report()).version).toBe(before.version);
  });

  it('stores the copy and the pledge as the contact, and spends the link', async () => {
    const client = await contactClient();
    const page = await client.open(token);
    const form = new FormData();
    form.set('_csrf', proofOf(page.html));
    form.set('signedOn', '2026-10-01');
    form.set('wordingVersion', '新宿区様式 令和8年4月版');
    form.set('bindsAfterContract', 'on');
    form.set('bindsAfterLeaving', 'on');
    form.set(
      'file',
      new File([new Uint8Array(samplePdf('pledge'))], 'seiyakusho.pdf', { type: 'application/pdf' }),
    );
    const done = await client.request('POST', `/l/${token}`, form, { 'x-test-client-ip': '203.0.113.9' });
    expect(done.status).toBe(200);
    expect(textOf(done.html)).toContain('誓約書を受け付けました');

    const pledge = await t.handle.db
      .selectFrom('handler_pledges')
      .innerJoin('attachments', 'attachments.id', 'handler_pledges.attachment_id')
      .select([
        'handler_pledges.signed_on',
        'handler_pledges.recorded_by',
        'handler_pledges.binds_after_leaving',
        'attachments.uploaded_by',
        'attachments.ward_id',
        'attachments.organisation_id',
      ])
      .where('handler_pledges.handler_id', '=', handlerId)
      .executeTakeFirstOrThrow();
    expect(pledge).toMatchObject({
      recorded_by: null,
      binds_after_leaving: true,
      uploaded_by: null,
      ward_id: w.wardId,
      organisation_id: w.companies.contractor,
    });
    const entries = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'actor_user_id', 'after'])
      .where('action', 'in', ['attachment.upload', 'handler.pledge', 'answer_link.use'])
      .where('at', '=', t.clock.now())
      .execute();
    const mine = entries.filter((e) => (e.after as { actor?: { linkId?: string } }).actor?.linkId === linkId);
    expect(mine.map((e) => e.action).sort()).toEqual([
      'answer_link.use',
      'attachment.upload',
      'handler.pledge',
    ]);
    expect(mine.every((e) => e.actor_user_id === null)).toBe(true);

    const again = await client.open(token);
    expect(again.status).toBe(404);
    expect(again.html).toBe(goneBody);
    // the handler now has its copy: no new link
    expect((await pledgeLink()).status).toBe(409);
  });
});

describe('over a real socket', () => {
  it('opens and spends a link through the server, and the token is never logged', async () => {
    // returned for correction (差戻し), the report awaits its company again: a new link may be sent
    const current = await report();
    expectStatus(
      await t.call('POST', `/api/v1/compliance-reports/${reportId}/return`, {
        token: w.tokens.ward_officer,
        json: { version: current.version, comment: '(4) の研修の日付を記入してください' },
      }),
      200,
    );
    const made = expectStatus(await makeLink(), 201);
    const server = await serveApp(t);
    try {
      const opened = await fetch(`${server.url}/l/${made.token}`);
      expect(opened.status).toBe(200);
      const html = await opened.text();
      const cookie = opened.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const body = new URLSearchParams({
        ...COMPLETE,
        command: 'submit',
        version: versionOf(html),
        _csrf: proofOf(html),
      });
      const posted = await fetch(`${server.url}/l/${made.token}`, {
        method: 'POST',
        body,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(posted.status).toBe(200);
      expect((await report()).status).toBe('submitted');
      const again = await fetch(`${server.url}/l/${made.token}`);
      expect(again.status).toBe(404);
      expect(await again.text()).toBe(goneBody);
    } finally {
      await server.close();
    }
    const logged = logLines.join('\n');
    expect(logged).toContain('/l/[token]');
    expect(logged).not.toContain(made.token);
  });
});
