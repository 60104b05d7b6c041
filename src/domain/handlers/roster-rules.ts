import type { RosterRole } from '../../db/tables/contracts.js';
import { cite, type ProvisionCitation } from '../provisions/cite-provision.js';
import type { FieldError } from '../shared/errors.js';
import type { Handler, Pledge } from './handler.repository.js';
import type { HandlerListEntryInput } from './handler-list.repository.js';

// 業務従事者名簿 (seed 004 4(4)①): the roster names the 統括責任者 (one per contract, the city's
// contact: 4(1)), a 業務責任者 for each task with its 副業務責任者 (4(2)), and the 業務従事者 — beside
// the 取扱責任者 and 取扱者 other contracts use. Everyone it names has signed a pledge (誓約書) that
// binds after the contract ends and after they leave the company, and a copy reaches the city
// before they start — at the start of the contract and for every later hire (5(1)③).

/** The roles seed 004 names; a list with any of them is a 業務従事者名簿 and follows its rules. */
export const SEED004_ROLES: readonly RosterRole[] = [
  'general_manager',
  'task_lead',
  'deputy_task_lead',
  'worker',
];

/** 役割の名称, as the lists and the pages print them. */
export const ROLE_NAMES: Record<RosterRole, { ja: string; en: string }> = {
  general_manager: { ja: '統括責任者', en: 'general manager' },
  responsible: { ja: '取扱責任者', en: 'responsible person' },
  task_lead: { ja: '業務責任者', en: 'task lead' },
  deputy_task_lead: { ja: '副業務責任者', en: 'deputy task lead' },
  handler: { ja: '取扱者', en: 'handler' },
  worker: { ja: '業務従事者', en: 'worker' },
};

export interface RosterFacts {
  handlers: Handler[];
  /** People on the organisation's acknowledged lists for this contract so far (already reported). */
  reportedHandlerIds: ReadonlySet<string>;
  /** Today in Japan (YYYY-MM-DD). */
  today: string;
  /** The contract holds 特定個人情報 (an item flagged 個人番号 in its register). */
  myNumberContract: boolean;
  secrecy: ProvisionCitation | undefined;
}

const error = (path: string, message: string, message_ja: string): FieldError => ({
  path,
  message,
  message_ja,
});

/** What a pledge lacks for seed 004: its copy, what it binds, its wording; empty when complete. */
export function pledgeGaps(pledge: Pledge): Array<{ en: string; ja: string }> {
  const gaps = [];
  if (!pledge.attachmentId) gaps.push({ en: 'its copy', ja: '写し' });
  if (!pledge.bindsAfterContract)
    gaps.push({ en: 'binding after the contract ends', ja: '契約終了後の効力' });
  if (!pledge.bindsAfterLeaving) gaps.push({ en: 'binding after leaving the company', ja: '退職後の効力' });
  if (!pledge.wordingVersion) gaps.push({ en: 'its wording version', ja: '様式の版' });
  return gaps;
}

/** The seed 004 rules over a whole list; empty for a list of 取扱責任者/取扱者 only. */
export function rosterErrors(entries: readonly HandlerListEntryInput[], facts: RosterFacts): FieldError[] {
  const errors: FieldError[] = [];
  const seed004 = entries.some((e) => SEED004_ROLES.includes(e.role));

  entries.forEach((entry, i) => {
    if (entry.handlesMyNumber && !facts.myNumberContract)
      errors.push(
        error(
          `entries.${i}.handlesMyNumber`,
          'this contract holds no 特定個人情報 (no item of its register is flagged 個人番号)',
          'この契約の情報項目に個人番号（特定個人情報）はありません',
        ),
      );
  });
  if (facts.myNumberContract && !entries.some((e) => e.handlesMyNumber))
    errors.push(
      error(
        'entries',
        'name the staff allowed to handle 特定個人情報 (番号法: a My Number contract names them)',
        '特定個人情報を取り扱う者を指定してください（個人番号を含む契約では取扱者を特定します）',
      ),
    );
  if (!seed004) return errors;

  const leads = entries.filter((e) => e.role === 'general_manager');
  if (leads.length === 0)
    errors.push(
      error('entries', 'name the 統括責任者 (one per contract)', '統括責任者を1名指定してください'),
    );
  entries.forEach((entry, i) => {
    if (entry.role === 'general_manager' && entry !== leads[0])
      errors.push(
        error(
          `entries.${i}.role`,
          'a contract has exactly one 統括責任者',
          '統括責任者は契約ごとに1名です（2名以上は指定できません）',
        ),
      );
  });

  const taskOf = (e: HandlerListEntryInput) => e.task?.trim() || null;
  const ledTasks = new Set(entries.filter((e) => e.role === 'task_lead').map(taskOf));
  entries.forEach((entry, i) => {
    const task = taskOf(entry);
    if ((entry.role === 'task_lead' || entry.role === 'deputy_task_lead') && !task)
      errors.push(
        error(
          `entries.${i}.task`,
          `name the task (業務) the ${ROLE_NAMES[entry.role].en} leads`,
          `${ROLE_NAMES[entry.role].ja}が担当する業務を入力してください`,
        ),
      );
    else if (task && !ledTasks.has(task))
      errors.push(
        error(
          `entries.${i}.task`,
          `the task 「${task}」 has no 業務責任者`,
          `業務「${task}」に業務責任者が配置されていません`,
        ),
      );
    if (entry.role === 'general_manager' && task)
      errors.push(
        error(
          `entries.${i}.task`,
          'the 統括責任者 oversees the whole work, not one task',
          '統括責任者は業務全体を統括します（業務の指定は不要です）',
        ),
      );
  });

  entries.forEach((entry, i) => {
    if (!SEED004_ROLES.includes(entry.role)) return;
    const handler = facts.handlers.find((h) => h.id === entry.handlerId);
    if (!handler) return; // reported by the common checks
    const signed = handler.pledges.filter((p) => p.signedOn <= entry.effectiveFrom);
    const complete = signed.find((p) => pledgeGaps(p).length === 0);
    if (signed.length && !complete) {
      const gaps = pledgeGaps(signed[signed.length - 1]!);
      const { en, ja } = cite(
        {
          en: `${handler.fullName}'s pledge lacks ${gaps.map((g) => g.en).join(', ')}`,
          ja: `${handler.fullName}の誓約書に不足があります（${gaps.map((g) => g.ja).join('、')}）`,
        },
        facts.secrecy,
      );
      errors.push({ path: `entries.${i}.handlerId`, message: en, message_ja: ja });
    }
    // The copy reaches the city with the list, before the person starts: someone not reported yet
    // (the contract's start, or a later hire) starts today at the earliest.
    if (!facts.reportedHandlerIds.has(entry.handlerId) && entry.effectiveFrom < facts.today)
      errors.push(
        error(
          `entries.${i}.effectiveFrom`,
          `${handler.fullName} is reported for the first time: the pledge's copy must reach the {self} before they start (from ${facts.today} on)`,
          `${handler.fullName}は初めての報告です。誓約書の写しは業務開始までに{self}へ提出するため、開始日は${facts.today}以降にしてください`,
        ),
      );
  });
  return errors;
}
