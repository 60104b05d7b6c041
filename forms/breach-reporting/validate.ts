import type { BreachAnswers } from './judge.js';

// What the answers must hold whatever the rules say: a 覚知日 that is a real day, not in the future
// and not before the incident happened; counts that are whole numbers; a count of My Number data
// whenever My Number data is involved, no larger than the count of everyone affected.

export interface AnswerError {
  path: keyof BreachAnswers;
  message: string;
  message_ja: string;
}

const isDay = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The errors of a set of answers; `today` and `occurredOn` are Japanese calendar days. */
export function validateBreachAnswers(
  a: BreachAnswers,
  today: string,
  occurredOn: string | null,
): AnswerError[] {
  const errors: AnswerError[] = [];
  if (!isDay(a.learnedOn)) {
    errors.push({ path: 'learnedOn', message: 'must be a date', message_ja: '日付を入力してください' });
  } else if (a.learnedOn > today) {
    errors.push({
      path: 'learnedOn',
      message: 'must not be in the future',
      message_ja: '未来の日付は指定できません',
    });
  } else if (occurredOn && a.learnedOn < occurredOn) {
    errors.push({
      path: 'learnedOn',
      message: 'must not be before the incident occurred',
      message_ja: '発生日より前の日付は指定できません',
    });
  }
  for (const path of ['personsAffected', 'myNumberPersonsAffected'] as const) {
    const n = a[path];
    if (n !== null && (!Number.isInteger(n) || n < 0)) {
      errors.push({
        path,
        message: 'must be a whole number, 0 or more',
        message_ja: '0以上の整数を入力してください',
      });
    }
  }
  if (a.myNumber && a.myNumberPersonsAffected === null) {
    errors.push({
      path: 'myNumberPersonsAffected',
      message: 'required when My Number data is involved',
      message_ja: '特定個人情報が含まれる場合は、その本人の数を入力してください',
    });
  }
  if (
    a.myNumberPersonsAffected !== null &&
    a.personsAffected !== null &&
    a.myNumberPersonsAffected > a.personsAffected
  ) {
    errors.push({
      path: 'myNumberPersonsAffected',
      message: 'cannot exceed the number of people affected',
      message_ja: '本人の数（全体）を超えることはできません',
    });
  }
  return errors;
}
