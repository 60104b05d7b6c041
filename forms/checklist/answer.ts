import type { ChecklistTemplate, ItemResult } from './checklist.js';
import type { ExtensionError } from './extend-template.js';

// What one answered item must carry (seed 002 確認要領: 確認結果, 実施日, 確認内容 per item; seed 001
// 別紙6: 確認事実 required for △ and ×). Pure validation; dates are 'YYYY-MM-DD' and compare as text.

/** 遠隔確認 (seed 002: テレビ通話や写真等で管理の現況を確認する代替方法). */
export type RemoteMethod = 'video' | 'photos';

export interface ItemAnswer {
  result: ItemResult;
  /** 実施日: the day the item was checked. */
  checkedOn: string;
  /** 確認内容: what was seen, the ground for the result. */
  observation?: string | null;
  remoteMethod?: RemoteMethod | null;
  /** × only: 改善に要する期間 agreed with the contractor, as a deadline. */
  improvementDueOn?: string | null;
}

export interface RecheckAnswer {
  /** 再確認日 */
  recheckedOn: string;
  /** 改善結果: improved (ok) or not yet (ng). */
  result: 'ok' | 'ng';
  note?: string | null;
  /** ng only: the new deadline agreed for the improvement. */
  newDueOn?: string | null;
}

const MARK_JA: Record<ItemResult, string> = {
  ok: '○',
  ng: '×',
  na: '該当なし',
  partial: '△',
};

/** Problems with one answer, each naming its field. */
export function checkAnswer(
  template: Pick<ChecklistTemplate, 'results' | 'observationRequiredFor'>,
  answer: ItemAnswer,
  today: string,
): ExtensionError[] {
  const errors: ExtensionError[] = [];
  if (!template.results.includes(answer.result)) {
    errors.push({
      path: 'result',
      message: `this checklist allows ${template.results.join(', ')}`,
      message_ja: `この様式で選べる確認結果は${template.results.map((r) => MARK_JA[r]).join('・')}です`,
    });
  }
  if (answer.checkedOn > today) {
    errors.push({
      path: 'checkedOn',
      message: 'the day checked cannot be in the future',
      message_ja: '実施日に未来の日付は指定できません',
    });
  }
  if (template.observationRequiredFor.includes(answer.result) && !answer.observation?.trim()) {
    errors.push({
      path: 'observation',
      message: `what was seen is required for ${answer.result}`,
      message_ja: `確認結果が${MARK_JA[answer.result]}の場合は確認内容（確認した事実）の記載が必要です`,
    });
  }
  if (answer.result === 'ng') {
    if (!answer.improvementDueOn) {
      errors.push({
        path: 'improvementDueOn',
        message: 'a × needs the improvement deadline agreed with the contractor',
        message_ja: '×の場合は委託先等と協議した改善期限を入力してください',
      });
    } else if (answer.improvementDueOn < answer.checkedOn) {
      errors.push({
        path: 'improvementDueOn',
        message: 'the improvement deadline cannot be before the day checked',
        message_ja: '改善期限は実施日以降の日付にしてください',
      });
    }
  } else if (answer.improvementDueOn) {
    errors.push({
      path: 'improvementDueOn',
      message: 'an improvement deadline belongs only to a ×',
      message_ja: '改善期限は確認結果が×の場合にのみ入力します',
    });
  }
  return errors;
}

/** Problems with a re-inspection (再確認) of an item found ×. */
export function checkRecheck(recheck: RecheckAnswer, checkedOn: string, today: string): ExtensionError[] {
  const errors: ExtensionError[] = [];
  if (recheck.recheckedOn > today)
    errors.push({
      path: 'recheckedOn',
      message: 'cannot be in the future',
      message_ja: '再確認日に未来の日付は指定できません',
    });
  if (recheck.recheckedOn < checkedOn)
    errors.push({
      path: 'recheckedOn',
      message: 'the re-check cannot be before the first check',
      message_ja: '再確認日は当初の実施日以降の日付にしてください',
    });
  if (recheck.result === 'ng') {
    if (!recheck.note?.trim())
      errors.push({
        path: 'note',
        message: 'say what is still wrong',
        message_ja: '改善されていない内容を記載してください',
      });
    if (!recheck.newDueOn || recheck.newDueOn < recheck.recheckedOn)
      errors.push({
        path: 'newDueOn',
        message: 'a new improvement deadline on or after the re-check is required',
        message_ja: '再確認日以降の新たな改善期限を入力してください',
      });
  } else if (recheck.newDueOn) {
    errors.push({
      path: 'newDueOn',
      message: 'only when not yet improved',
      message_ja: '新たな改善期限は未改善の場合にのみ入力します',
    });
  }
  return errors;
}
