import { describe, expect, it } from 'vitest';
import { type Answers, QUESTIONS, validateAnswers } from './compliance-report.form.js';

const complete: Answers = {
  q1: { answer: 'no' },
  q2: { answer: 'yes', attachmentIds: ['pmark'] },
  q3: { answer: 'yes', useHandlerList: true },
  q4: { answer: 'yes', text: '2026-05-20 個人情報保護研修（全従事者）' },
  q5: { answer: 'yes', attachmentIds: ['procedure'] },
  q6: { answer: 'no' },
  q9: { answer: 'yes' },
};

describe('別紙5 validation', () => {
  it('has the nine questions of the seed, in order', () => {
    expect(QUESTIONS.map((q) => q.text.slice(0, 3))).toEqual([
      '(1)',
      '(2)',
      '(3)',
      '(4)',
      '(5)',
      '(6)',
      '(7)',
      '(8)',
      '(9)',
    ]);
    expect(QUESTIONS[6]?.text).toBe('(7) 再委託を行っている場合、事前に区へ文書で協議し承諾を得ている。');
  });

  it('accepts a complete report; (7) and (8) only when sub-contracting', () => {
    expect(validateAnswers(complete)).toEqual([]);
    const sub = { ...complete, q6: { answer: 'yes' as const } };
    expect(validateAnswers(sub).map((e) => e.question)).toEqual(['q7', 'q8']);
    expect(
      validateAnswers({ ...sub, q7: { answer: 'yes' }, q8: { answer: 'no', text: '12月に立入調査を予定' } }),
    ).toEqual([]);
  });

  it.each([
    ['q1', { answer: 'yes' }, 'text'],
    ['q2', { answer: 'yes' }, 'copies'],
    ['q3', { answer: 'yes' }, 'copies'],
    ['q4', { answer: 'yes', text: '  ' }, 'text'],
    ['q5', { answer: 'yes' }, 'copies'],
    ['q9', { answer: 'no' }, 'text'],
    ['q9', { answer: null }, 'answer'],
  ] as const)('%s %j needs its %s', (question, answer, field) => {
    const errors = validateAnswers({ ...complete, [question]: answer });
    expect(errors).toEqual([expect.objectContaining({ question, field })]);
    expect(errors[0]?.message_ja).toMatch(/必要|選択/);
  });

  it('asks for the plan when the sub-contractor was not supervised', () => {
    const errors = validateAnswers({
      ...complete,
      q6: { answer: 'yes' },
      q7: { answer: 'yes' },
      q8: { answer: 'no' },
    });
    expect(errors[0]?.message_ja).toContain('今後の予定');
  });
});
