// 別紙5「個人情報特記事項の遵守に関する報告書」(seed 001), word for word: nine yes/no questions in
// six sections, and what each answer calls for. Pure data and validation: no I/O.

export type QuestionId = 'q1' | 'q2' | 'q3' | 'q4' | 'q5' | 'q6' | 'q7' | 'q8' | 'q9';

/** What an answer must come with: free text, copies (attachments), or both. */
export interface Requirement {
  when: 'yes' | 'no';
  text?: { label: string; labelEn: string };
  copies?: { label: string; labelEn: string; orHandlerList?: boolean };
}

export interface Question {
  id: QuestionId;
  section: string;
  sectionEn: string;
  text: string;
  textEn: string;
  requires: Requirement[];
  /** Answered only when (6) 再委託を行っている is yes. */
  onlyIfSubcontracting?: boolean;
}

export const FORM_TITLE = '個人情報特記事項の遵守に関する報告書';
export const FORM_LEAD = '上記契約の個人情報の取扱状況に関して、下記のとおり報告します。';

export const QUESTIONS: readonly Question[] = [
  {
    id: 'q1',
    section: '不適正事案発生の有無',
    sectionEn: 'Improper handling',
    text: '(1) 現状すでに個人情報の不適正な取り扱いの事案が発生している。',
    textEn: 'A case of improper handling of personal information has already occurred.',
    requires: [
      {
        when: 'yes',
        text: { label: '（はいを選択した場合）具体的内容を記入', labelEn: 'Describe what happened' },
      },
    ],
  },
  {
    id: 'q2',
    section: '個人情報の管理体制',
    sectionEn: 'Management system',
    text: '(2) 個人情報の取扱いについて内部規程を整備している。又はプライバシーマークを取得している。',
    textEn: 'Internal rules on handling personal information are in place, or the P-mark is held.',
    requires: [
      {
        when: 'yes',
        copies: {
          label:
            '（内部規程を作成している場合）規程等のコピーを提出または提示してください。（契約当初及び変更ごとに実施する）（プライバシーマークを取得している場合）取得状況がわかるもののコピーの提出（契約当初及び変更ごとに再提出）',
          labelEn: 'A copy of the internal rules, or of the P-mark certificate',
        },
      },
    ],
  },
  {
    id: 'q3',
    section: '責任者・従事者等の明確化',
    sectionEn: 'Named persons',
    text: '(3) 受託業務における個人情報保護責任者、作業責任者、作業従事者等を特定している。',
    textEn: 'The persons responsible for personal information, the work leaders and the workers are named.',
    requires: [
      {
        when: 'yes',
        copies: {
          label:
            '（はいを選択した場合）名簿のコピーを提出してください。（契約当初に提出し、変更ごとに再提出）',
          labelEn: 'A copy of the roster (the handler list acknowledged in this system counts)',
          orHandlerList: true,
        },
      },
    ],
  },
  {
    id: 'q4',
    section: '意識向上等の対策',
    sectionEn: 'Awareness',
    text: '(4) 個人情報保護及び情報セキュリティに対する意識向上のため研修等を作業従事者に行った。',
    textEn: 'Training on personal-information protection and information security was given to the workers.',
    requires: [
      {
        when: 'yes',
        text: { label: '（はいを選択した場合）具体的対策、日付等を記入', labelEn: 'What was done, and when' },
      },
    ],
  },
  {
    id: 'q5',
    section: '事故対応',
    sectionEn: 'Incident response',
    text: '(5) 事故が発生した時の報告について、手順や方法を定めている。',
    textEn: 'A procedure for reporting incidents is in place.',
    requires: [
      {
        when: 'yes',
        copies: {
          label:
            '（はいを選択した場合）手順や方法等のコピーを提出してください。（契約当初に提出し、変更ごとに再提出）',
          labelEn: 'A copy of the procedure',
        },
      },
    ],
  },
  {
    id: 'q6',
    section: '再委託について',
    sectionEn: 'Sub-contracting',
    text: '(6) 再委託を行っている',
    textEn: 'Part of the work is sub-contracted.',
    requires: [],
  },
  {
    id: 'q7',
    section: '再委託について',
    sectionEn: 'Sub-contracting',
    text: '(7) 再委託を行っている場合、事前に区へ文書で協議し承諾を得ている。',
    textEn: "If so, the ward's written consent was obtained beforehand.",
    requires: [],
    onlyIfSubcontracting: true,
  },
  {
    id: 'q8',
    section: '再委託について',
    sectionEn: 'Sub-contracting',
    text: '(8) 再委託を行っている場合、再委託先へ監督を行った。',
    textEn: 'If so, the sub-contractor was supervised.',
    requires: [
      {
        when: 'yes',
        text: {
          label: '（はいを選択した場合）日付等、実施の具体的内容を記入',
          labelEn: 'Dates and what was done',
        },
      },
      { when: 'no', text: { label: '（いいえを選択した場合）今後の予定を記入', labelEn: 'What is planned' } },
    ],
    onlyIfSubcontracting: true,
  },
  {
    id: 'q9',
    section: 'その他個人情報の取り扱い',
    sectionEn: 'Compliance',
    text: '(9) 仕様書及び特記事項に規定した個人情報の取扱いについて、遵守している。',
    textEn:
      'The handling of personal information set out in the specification and the special provisions is complied with.',
    requires: [
      {
        when: 'no',
        text: {
          label: '（いいえを選択した場合）具体的内容を記入',
          labelEn: 'Describe what is not complied with',
        },
      },
    ],
  },
];

export interface Answer {
  answer: 'yes' | 'no' | null;
  text?: string | null;
  attachmentIds?: string[];
  /** (3): the acknowledged handler list stands as the roster copy. */
  useHandlerList?: boolean;
}

export type Answers = Partial<Record<QuestionId, Answer>>;

export interface AnswerError {
  question: QuestionId;
  field: 'answer' | 'text' | 'copies';
  message: string;
  message_ja: string;
}

/** What a submitted report must contain; a draft may be incomplete. */
export function validateAnswers(answers: Answers): AnswerError[] {
  const errors: AnswerError[] = [];
  const subcontracting = answers.q6?.answer === 'yes';
  for (const q of QUESTIONS) {
    const a = answers[q.id];
    if (q.onlyIfSubcontracting && !subcontracting) continue;
    if (!a?.answer) {
      errors.push({
        question: q.id,
        field: 'answer',
        message: 'answer yes or no',
        message_ja: 'はい・いいえのいずれかを選択してください',
      });
      continue;
    }
    for (const r of q.requires) {
      if (r.when !== a.answer) continue;
      if (r.text && !a.text?.trim()) {
        errors.push({
          question: q.id,
          field: 'text',
          message: `required: ${r.text.labelEn}`,
          message_ja: `記入が必要です：${r.text.label}`,
        });
      }
      if (r.copies && !(a.attachmentIds?.length || (r.copies.orHandlerList && a.useHandlerList))) {
        errors.push({
          question: q.id,
          field: 'copies',
          message: `required: ${r.copies.labelEn}`,
          message_ja: `提出が必要です：${r.copies.label}`,
        });
      }
    }
  }
  return errors;
}
