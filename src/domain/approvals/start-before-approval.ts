import { ConflictError, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import type { Approval } from './approval.repository.js';

// 再委託は業務の着手前に承認を得る (seed 001 別紙7 第7条2, 003 丙): a sub-contract may not start
// before the day it is approved. An application whose start date has already passed is refused
// when it is made or submitted (422); at the final approval, a start date that has passed in the
// meantime refuses the approval (409): the ward rejects it and the contractor applies again with
// a new start date. There is no after-the-fact approval (事後承認), so every approved sub-contract
// was approved on or before its first day, and 別紙5 question 7 (事前の承諾) stays true.

/** The 422 of an application (or submission) whose start date is before today (Japan). */
export function startDateError(periodFrom: string, now: Date) {
  const today = toJapanDate(now);
  if (periodFrom >= today) return undefined;
  return {
    path: 'periodFrom',
    message: `work may not start before it is approved: the start date ${periodFrom} is before today (${today})`,
    message_ja: `再委託は業務の着手前に承認を得る必要があります。開始日（${periodFrom}）が本日（${today}）より前です`,
  };
}

/** Refuses submitting a sub-contracting application whose start date has passed (422). */
export function checkStartNotPassed(approval: Approval, now: Date): void {
  if (approval.application.kind !== 'subdelegation') return;
  const error = startDateError(approval.application.periodFrom, now);
  if (error) {
    throw new ValidationError(
      { en: 'The sub-contracting application is refused', ja: '再委託の申請は受け付けられません' },
      [error],
    );
  }
}

/** Refuses the approval of a sub-contract whose start date passed before this day (409). */
export function checkApprovedBeforeStart(approval: Approval, now: Date): void {
  if (approval.application.kind !== 'subdelegation') return;
  const today = toJapanDate(now);
  const { periodFrom } = approval.application;
  if (periodFrom >= today) return;
  throw new ConflictError(
    {
      en: `The sub-contract was to start on ${periodFrom}, before today (${today}): it can only be approved before the work starts. Reject it; the contractor applies again with a new start date`,
      ja: `再委託の開始日（${periodFrom}）が本日（${today}）より前のため、業務の着手前の承認とすることはできません。不承認とし、開始日を改めて申請させてください`,
    },
    { periodFrom, today },
  );
}
