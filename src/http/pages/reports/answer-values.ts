import {
  type Answer,
  type Answers,
  QUESTIONS,
  type QuestionId,
} from '../../../../forms/compliance-report/compliance-report.form.js';
import type { Prefill } from '../../../domain/reports/report-facts.js';
import type { FormValues } from '../components/form.js';

// The 別紙5 form's fields: `q1.answer` (はい/いいえ), `q1.text`, `q2.keep` (copies already
// attached, kept while ticked), `q2.copies` (new files), `q3.useHandlerList`.

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Which questions take copies (添付) and which take text: what 別紙5 asks for either answer. */
export const takesCopies = (id: QuestionId) =>
  QUESTIONS.find((q) => q.id === id)!.requires.some((r) => r.copies);
export const takesText = (id: QuestionId) => QUESTIONS.find((q) => q.id === id)!.requires.some((r) => r.text);

/** What the form starts with: the saved answers, or for a report not yet touched, the prefill. */
export function startingAnswers(answers: Answers, prefill: Prefill): Answers {
  if (Object.keys(answers).length) return answers;
  const { facts: _facts, ...rest } = prefill;
  return rest;
}

export function answersToValues(answers: Answers): FormValues {
  const values: FormValues = {};
  for (const q of QUESTIONS) {
    const a = answers[q.id];
    if (!a) continue;
    if (a.answer) values[`${q.id}.answer`] = a.answer;
    if (a.text) values[`${q.id}.text`] = a.text;
    if (a.attachmentIds?.length) values[`${q.id}.keep`] = a.attachmentIds;
    if (a.useHandlerList) values[`${q.id}.useHandlerList`] = 'on';
  }
  return values;
}

/** The answers a posted form gives (new uploads already added to `qN.keep`). */
export function valuesToAnswers(values: FormValues): Answers {
  const answers: Answers = {};
  for (const q of QUESTIONS) {
    const raw = one(values[`${q.id}.answer`]);
    const answer: Answer = { answer: raw === 'yes' || raw === 'no' ? raw : null };
    const text = one(values[`${q.id}.text`]).trim();
    if (text) answer.text = text;
    const ids = many(values[`${q.id}.keep`]);
    if (ids.length) answer.attachmentIds = [...new Set(ids)];
    if (one(values[`${q.id}.useHandlerList`]) === 'on') answer.useHandlerList = true;
    answers[q.id] = answer;
  }
  return answers;
}

/** A domain path (answers.q2.copies) as the form field it belongs to (q2.copies). */
export const answerField = (path: string) => path.replace(/^(json\.|form\.)?answers\./, '');
