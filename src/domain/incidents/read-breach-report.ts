import type { BreachAnswers, BreachJudgment } from '../../../forms/breach-reporting/index.js';
import { MUNICIPALITY_COLUMNS, municipalityWords } from '../organisations/municipality-words.js';
import type { UseCaseContext } from '../shared/context.js';
import { ConflictError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { toWareki } from '../shared/wareki.js';
import { judgmentOf } from './breach-commands.js';
import { getIncident } from './read-incidents.js';

// 漏えい等報告書: the report's content in the fields of the Commission's form (施行規則 第44条第1項
// 各号 for 行政機関等, the same nine items as 第8条第1項 for businesses), gathered from the incident,
// its answers and its judgment. Read like the incident itself: one the viewer may not read is not
// found. The PDF and the CSV are drawn from this plain data only.

export interface BreachReportField {
  /** (1) 概要 … (9) その他参考となる事項, and the header fields */
  key: string;
  label: string;
  value: string;
}

export interface BreachReportData {
  incidentId: string;
  municipality: { name: string; selfWord: string };
  contractorName: string;
  contract: { title: string; number: string | null };
  answers: BreachAnswers;
  judgment: BreachJudgment;
  sent: { preliminarySentOn: string | null; finalSentOn: string | null; personsNotifiedOn: string | null };
  /** The form's fields in order, as the PDF and the CSV print them. */
  fields: BreachReportField[];
  preparedOn: string;
}

const yes = (b: boolean) => (b ? 'あり' : 'なし');
const count = (n: number | null) => (n === null ? '不明' : `${n.toLocaleString('ja-JP')}人`);
/** 令和8年11月20日（2026-11-20） */
export const warekiDay = (day: string) => `${toWareki(day)}（${day}）`;
const at = (d: Date | null) =>
  d
    ? `${warekiDay(toJapanDate(d))} ${new Date(d.getTime() + 9 * 3600_000).toISOString().slice(11, 16)}`
    : '不明';

/** The report's content; 409 while the questions are unanswered (there is nothing to report yet). */
export async function readBreachReport(ctx: UseCaseContext, id: string): Promise<BreachReportData> {
  const incident = await getIncident(ctx, id);
  const judgment = judgmentOf(incident);
  const answers = incident.breach.answers;
  if (!judgment || !answers)
    throw new ConflictError({
      en: 'Answer the breach-report questions first',
      ja: '先に漏えい等報告の判定の質問に回答してください',
    });
  const [contract, ward, contractor] = await Promise.all([
    ctx.db
      .selectFrom('contracts')
      .select(['title', 'contract_number'])
      .where('ward_id', '=', incident.wardId)
      .where('id', '=', incident.contractId)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('organisations')
      .select(['name', ...MUNICIPALITY_COLUMNS])
      .where('id', '=', incident.wardId)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('organisations')
      .select(['name'])
      .where('id', '=', incident.reportingOrgId)
      .executeTakeFirstOrThrow(),
  ]);
  const selfWord = municipalityWords(ward).self.ja;
  const matched = judgment.municipality.matched;
  const { preliminarySentOn, finalSentOn, personsNotifiedOn } = incident.breach;
  const fields: BreachReportField[] = [
    { key: 'reporter', label: '報告者（行政機関等の名称）', value: ward.name },
    {
      key: 'kind',
      label: '報告の種類',
      value: finalSentOn ? '確報' : preliminarySentOn ? '確報（速報済み）' : '速報',
    },
    { key: 'learnedOn', label: '事態を知った日（覚知日）', value: warekiDay(answers.learnedOn) },
    { key: 'occurredAt', label: '発生日時', value: at(incident.occurredAt) },
    {
      key: 'situations',
      label: '報告対象事態（該当するもの）',
      value: matched.length
        ? matched.map((m) => `${m.label.ja}（${m.source.article}）`).join('\n')
        : '該当なし（任意の報告）',
    },
    { key: 'myNumber', label: '特定個人情報の漏えい等', value: yes(answers.myNumber) },
    {
      key: 'summary',
      label: '(1) 概要',
      value: `${incident.circumstances}\n発生場所：${incident.location}\n委託先：${contractor.name}（契約：${contract.title}）\n委託先からの報告日時：${at(incident.reportedAt)}`,
    },
    {
      key: 'items',
      label: '(2) 漏えい等が発生し、又は発生したおそれがある保有個人情報の項目',
      value: incident.information,
    },
    {
      key: 'persons',
      label: '(3) 漏えい等が発生し、又は発生したおそれがある保有個人情報に係る本人の数',
      value: `${count(answers.personsAffected)}${answers.myNumber ? `（うち特定個人情報 ${count(answers.myNumberPersonsAffected)}）` : ''}`,
    },
    { key: 'cause', label: '(4) 原因', value: incident.rootCause ?? '調査中' },
    {
      key: 'secondary',
      label: '(5) 二次被害又はそのおそれの有無及びその内容',
      value: `財産的被害が生じるおそれ：${yes(answers.financialDamage)}　不正の目的のおそれ：${yes(answers.unlawfulPurpose)}　不特定多数が閲覧できる状態：${yes(answers.publiclyViewable)}`,
    },
    {
      key: 'persons-response',
      label: '(6) 本人への対応の実施状況',
      value: personsNotifiedOn ? `${warekiDay(personsNotifiedOn)} 本人通知済み` : '未実施',
    },
    {
      key: 'publication',
      label: '(7) 公表の実施状況',
      value:
        incident.published && incident.publishedOn ? `${warekiDay(incident.publishedOn)} 公表済み` : '未公表',
    },
    { key: 'prevention', label: '(8) 再発防止のための措置', value: incident.prevention ?? '検討中' },
    {
      key: 'other',
      label: '(9) その他参考となる事項',
      value: [
        incident.wardInstructions ? `委託先への指示：${incident.wardInstructions}` : null,
        incident.response ? `委託先の対応：${incident.response}` : null,
        `判定に用いた基準：forms/breach-reporting ${judgment.rulesVersion}`,
      ]
        .filter(Boolean)
        .join('\n'),
    },
  ];
  return {
    incidentId: incident.id,
    municipality: { name: ward.name, selfWord },
    contractorName: contractor.name,
    contract: { title: contract.title, number: contract.contract_number },
    answers,
    judgment,
    sent: { preliminarySentOn, finalSentOn, personsNotifiedOn },
    fields,
    preparedOn: toJapanDate(ctx.now()),
  };
}

/** The fields as CSV (UTF-8 with BOM, CRLF): one row per field, 項目 and 内容. */
export function breachReportCsv(data: BreachReportData): string {
  // quoted always; a leading = + - @ is neutralised so that a spreadsheet never runs it
  const cell = (s: string) => `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replaceAll('"', '""')}"`;
  const { judgment: j, sent } = data;
  const day = (d: string | null | undefined) => (d ? warekiDay(d) : '');
  const rows = [
    ['項目', '内容'],
    ...data.fields.map((f) => [f.label, f.value]),
    [],
    [`報告の要否（${data.municipality.selfWord}）`, j.municipality.required ? '要' : '不要'],
    ['速報の期限', day(j.preliminary?.dueOn)],
    ['速報の送付日', day(sent.preliminarySentOn)],
    ['確報の期限', day(j.final?.dueOn)],
    ['確報の送付日', day(sent.finalSentOn)],
    ['本人通知', j.noticeToPersons.required ? '要' : '不要'],
    ['本人通知の日', day(sent.personsNotifiedOn)],
  ];
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
