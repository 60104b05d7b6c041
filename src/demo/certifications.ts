import type { Kysely } from 'kysely';
import { defineAbilityFor } from '../../policies/app-ability.js';
import type { Database } from '../db/database.js';
import { actorQuery, toActor } from '../domain/auth/load-actor.js';
import { createCertification } from '../domain/certifications/manage-certifications.js';
import { addDays, toJapanDate } from '../domain/shared/japan-date.js';

// 認証 of the demo companies, dated from today so that `npm start` always shows them at work: the
// contractor's P-mark in force and its ISMS ending within 30 days (the manager's inbox, the
// reminders, 期限間近 on its contracts), and the sub-contractor's ISMS expired (flagged on its
// contracts and in the ward's reminders).

async function managerContext(db: Kysely<Database>, email: string, now: () => Date) {
  const actor = toActor(await actorQuery(db).where('users.email', '=', email).executeTakeFirstOrThrow());
  return { db, actor, ability: defineAbilityFor(actor), requestId: 'demo-seed', now };
}

export async function seedDemoCertifications(
  db: Kysely<Database>,
  companies: { contractor: string; subcontractor: string },
  now: () => Date,
): Promise<void> {
  const today = toJapanDate(now());
  const contractor = await managerContext(db, 'manager@cycle-support.example.jp', now);
  await createCertification(contractor, companies.contractor, {
    kind: 'privacy_mark',
    number: '第10823456(03)号',
    scope: null,
    issuer: '一般財団法人日本情報経済社会推進協会（JIPDEC）',
    validFrom: addDays(today, -300),
    validUntil: addDays(today, 430),
  });
  await createCertification(contractor, companies.contractor, {
    kind: 'isms',
    number: 'IS 612345',
    scope: '自転車対策業務（放置自転車の撤去・保管・返還、コールセンター）に係る情報システムの運用',
    issuer: 'BSIグループジャパン株式会社',
    validFrom: addDays(today, -1075),
    validUntil: addDays(today, 20),
  });
  const subcontractor = await managerContext(db, 'manager@callcenter.example.jp', now);
  await createCertification(subcontractor, companies.subcontractor, {
    kind: 'isms',
    number: 'JQA-IM1234',
    scope: 'コールセンター業務',
    issuer: '一般財団法人日本品質保証機構（JQA）',
    validFrom: addDays(today, -1105),
    validUntil: addDays(today, -10),
  });
}
