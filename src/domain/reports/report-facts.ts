import { sql } from 'kysely';
import type { Answers } from '../../../forms/compliance-report/compliance-report.form.js';
import {
  type CertificationFact,
  gatherCertificationFacts,
  inForce,
} from '../certifications/certification-facts.js';
import { CERTIFICATION_NAMES } from '../certifications/certification-names.js';
import { fillWords, type MunicipalityWords, NEUTRAL_WORDS } from '../organisations/municipality-words.js';
import type { Tx } from '../shared/context.js';
import {
  gatherSupervision,
  type SupervisionFacts,
  supervisionAnswer,
} from '../supervision/supervision-facts.js';

// What the system already knows about a reporting period: it prefills the answers and flags the
// answers that contradict the records for the ward's reviewer.

export interface Facts {
  incidents: number;
  approvedSubcontracts: number;
  /**
   * Of those, approved only after the day they were to start (事後の承諾): none since the start
   * date is checked at the final approval, but records approved before that check may hold some.
   * Absent from facts stored before it was gathered.
   */
  subcontractsApprovedAfterStart?: number;
  handlerList: 'acknowledged' | 'missing';
  handlersWithoutPledge: string[];
  trainings: Array<{ heldOn: string; subject: string }>;
  /**
   * The contractor's supervision of its sub-contractors in the period (question 8): its completed
   * inspections of them and the report requests they answered. Absent from facts stored before it
   * was gathered.
   */
  supervision?: SupervisionFacts;
  /**
   * The company's P-mark and ISMS as they stood on the period's last day (question 2's evidence).
   * Absent from facts stored before it was gathered.
   */
  certifications?: CertificationFact[];
}

export type Prefill = Answers & { facts?: Facts };

export interface Discrepancy {
  question: string;
  code: string;
  en: string;
  ja: string;
}

export async function gatherFacts(
  tx: Tx,
  r: { wardId: string; contractId: string; organisationId: string; periodFrom: string; periodTo: string },
): Promise<Facts> {
  const from = `${r.periodFrom}T00:00:00+09:00`;
  const to = `${r.periodTo}T23:59:59.999+09:00`;
  const incidents = await tx
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('ward_id', '=', r.wardId)
    .where('contract_id', '=', r.contractId)
    .where('reporting_org_id', '=', r.organisationId)
    .where('discovered_at', '>=', new Date(from))
    .where('discovered_at', '<=', new Date(to))
    .executeTakeFirstOrThrow();
  const subs = await tx
    .selectFrom('approvals')
    .select((eb) => eb.fn.countAll().as('n'))
    .select(
      sql<string>`count(*) filter (where (decided_at + interval '9 hours')::date > (application->>'periodFrom')::date)`.as(
        'late',
      ),
    )
    .where('ward_id', '=', r.wardId)
    .where('parent_contract_id', '=', r.contractId)
    .where('kind', '=', 'subdelegation')
    .where((eb) =>
      eb.or([
        eb('status', '=', 'approved'),
        eb.and([eb('status', '=', 'revoked'), eb('decided_at', '>=', new Date(from))]),
      ]),
    )
    .executeTakeFirstOrThrow();
  const list = await tx
    .selectFrom('handler_list_submissions')
    .select('id')
    .where('ward_id', '=', r.wardId)
    .where('contract_id', '=', r.contractId)
    .where('organisation_id', '=', r.organisationId)
    .where('status', '=', 'acknowledged')
    .orderBy('decided_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const listed = list
    ? await tx
        .selectFrom('handler_list_entries as e')
        .innerJoin('handlers as h', 'h.id', 'e.handler_id')
        .select(['h.id', 'h.full_name'])
        .where('e.ward_id', '=', r.wardId)
        .where('e.submission_id', '=', list.id)
        .execute()
    : [];
  const ids = listed.map((l) => l.id);
  const pledged = ids.length
    ? await tx
        .selectFrom('handler_pledges')
        .select('handler_id')
        .distinct()
        .where('handler_id', 'in', ids)
        .execute()
    : [];
  const trainings = ids.length
    ? await tx
        .selectFrom('handler_trainings')
        .select(['held_on', 'subject'])
        .distinct()
        .where('handler_id', 'in', ids)
        .where('held_on', '>=', r.periodFrom)
        .where('held_on', '<=', r.periodTo)
        .orderBy('held_on')
        .execute()
    : [];
  return {
    incidents: Number(incidents.n),
    approvedSubcontracts: Number(subs.n),
    subcontractsApprovedAfterStart: Number(subs.late),
    handlerList: list ? 'acknowledged' : 'missing',
    handlersWithoutPledge: listed
      .filter((l) => !pledged.some((p) => p.handler_id === l.id))
      .map((l) => l.full_name),
    trainings: trainings.map((t) => ({ heldOn: t.held_on, subject: t.subject })),
    supervision: await gatherSupervision(tx, r),
    certifications: await gatherCertificationFacts(tx, r.organisationId, r.periodTo),
  };
}

/** Answers the records already give; the contractor confirms or corrects them. */
export function prefillFrom(facts: Facts): Prefill {
  return {
    facts,
    q1: { answer: facts.incidents > 0 ? 'yes' : null },
    ...q2From(facts.certifications ?? []),
    q3: facts.handlerList === 'acknowledged' ? { answer: 'yes', useHandlerList: true } : { answer: null },
    q4: facts.trainings.length
      ? { answer: 'yes', text: facts.trainings.map((t) => `${t.heldOn} ${t.subject}`).join('\n') }
      : { answer: null },
    q6: { answer: facts.approvedSubcontracts > 0 ? 'yes' : 'no' },
    ...(facts.approvedSubcontracts > 0 && {
      q7: { answer: (facts.subcontractsApprovedAfterStart ?? 0) > 0 ? 'no' : 'yes' },
      ...(facts.supervision && { q8: supervisionAnswer(facts.supervision) }),
    }),
  };
}

/** (2): a P-mark or ISMS in force at the period's end answers yes, its recorded copies the evidence. */
function q2From(certifications: CertificationFact[]): Pick<Prefill, 'q2'> {
  const held = certifications.filter(inForce);
  if (!held.length) return {};
  const copies = held.flatMap((c) => (c.attachmentId ? [c.attachmentId] : []));
  return {
    q2: { answer: 'yes', ...(copies.length > 0 && { attachmentIds: copies }) },
  };
}

/** Answers that the records contradict (the reviewer decides what they mean). */
export function discrepanciesOf(
  answers: Answers,
  facts: Facts,
  words: MunicipalityWords = NEUTRAL_WORDS,
): Discrepancy[] {
  const out: Discrepancy[] = [];
  if (answers.q1?.answer === 'no' && facts.incidents > 0) {
    out.push({
      question: 'q1',
      code: 'incident-recorded',
      en: `Answered "no incident" but ${facts.incidents} incident(s) are recorded in the period`,
      ja: `「不適正事案なし」と回答されていますが、期間中に事故報告が${facts.incidents}件記録されています`,
    });
  }
  if (answers.q3?.answer === 'yes' && facts.handlerList === 'missing') {
    out.push({
      question: 'q3',
      code: 'no-handler-list',
      en: 'Answered "handlers named" but no handler list is acknowledged',
      ja: '「従事者を特定している」と回答されていますが、確認済みの名簿がありません',
    });
  }
  if (answers.q3?.answer === 'yes' && facts.handlersWithoutPledge.length) {
    out.push({
      question: 'q3',
      code: 'handler-without-pledge',
      en: `Handlers without a pledge on file: ${facts.handlersWithoutPledge.join(', ')}`,
      ja: `誓約書が提出されていない取扱者がいます：${facts.handlersWithoutPledge.join('、')}`,
    });
  }
  if (answers.q4?.answer === 'yes' && facts.trainings.length === 0) {
    out.push({
      question: 'q4',
      code: 'no-training-recorded',
      en: 'Answered "training given" but none is recorded in the period',
      ja: '「研修を行った」と回答されていますが、期間中の研修記録がありません',
    });
  }
  if (answers.q6?.answer === 'no' && facts.approvedSubcontracts > 0) {
    out.push({
      question: 'q6',
      code: 'subcontract-exists',
      en: 'Answered "no sub-contracting" but an approved sub-contract exists',
      ja: '「再委託なし」と回答されていますが、承認済みの再委託があります',
    });
  }
  if (answers.q6?.answer === 'yes' && facts.approvedSubcontracts === 0) {
    out.push({
      question: 'q6',
      code: 'subcontract-unapproved',
      // stored with the report: in the words of the report's municipality
      en: fillWords('Answered "sub-contracting" but no sub-contract was approved by the {self}', words, 'en'),
      ja: fillWords(
        '「再委託あり」と回答されていますが、{self}が承認した再委託がありません（無承諾の再委託の可能性）',
        words,
        'ja',
      ),
    });
  }
  const late = facts.subcontractsApprovedAfterStart ?? 0;
  if (answers.q7?.answer === 'yes' && late > 0) {
    out.push({
      question: 'q7',
      code: 'subcontract-approved-after-start',
      en: `Answered "consent obtained beforehand" but ${late} sub-contract(s) were approved only after they started`,
      ja: `「事前に承諾を得ている」と回答されていますが、開始日より後に承認された再委託が${late}件あります（事後の承諾）`,
    });
  }
  const lapsed = (facts.certifications ?? []).filter((c) => !inForce(c));
  if (answers.q2?.answer === 'yes' && lapsed.length && !(facts.certifications ?? []).some(inForce)) {
    const names = lapsed.map((c) => CERTIFICATION_NAMES[c.kind]);
    out.push({
      question: 'q2',
      code: 'certification-expired',
      en: `Answered "rules in place or P-mark held" but the recorded ${names.map((n) => n.en).join(' and ')} had expired by the end of the period (${lapsed.map((c) => c.validUntil).join(', ')})`,
      ja: `「内部規程の整備又はプライバシーマークの取得」に「はい」と回答されていますが、記録されている${names.map((n) => n.ja).join('・')}は期間末までに有効期限が切れています（${lapsed.map((c) => c.validUntil).join('、')}）`,
    });
  }
  const supervised = facts.supervision;
  if (
    answers.q8?.answer === 'yes' &&
    supervised &&
    !supervised.inspections.length &&
    !supervised.reportRequests.length
  ) {
    out.push({
      question: 'q8',
      code: 'no-supervision-recorded',
      en: 'Answered "sub-contractor supervised" but no inspection of it nor answered report request is recorded in the period',
      ja: '「再委託先へ監督を行った」と回答されていますが、期間中に再委託先への立入検査・報告の求めの記録がありません',
    });
  }
  return out;
}
