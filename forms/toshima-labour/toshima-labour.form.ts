import type { ChecklistItem, ChecklistTemplate } from '../checklist/checklist.js';

// 労務管理チェックシート (seed 000, Toshima ward): eleven items, each with the main records
// (確認する主な帳票類) the inspector looks at, printed as the item's note.

const rows: Array<[string, string, string | null]> = [
  [
    '就業規則が作成され、労基署に提出されている。また、法令改正に対応した就業規則の改正を適宜行っている。',
    'Work rules exist, were filed with the labour standards office, and are amended as laws change.',
    '就業規則',
  ],
  [
    '就業規則に、賃金・労働時間・休暇に関する規定がある。',
    'The work rules cover wages, working hours and leave.',
    '就業規則 ※別途、給与規定、休業規定(育児・介護休業)がある場合は各規程',
  ],
  [
    '最低賃金は時間額985円(平成30年10月～東京都)を下回った額になっていない。',
    'No wage is below the minimum hourly wage of 985 yen (Tokyo, from October 2018).',
    '就業規則(給与規定)、賃金台帳',
  ],
  ['労働者名簿が作成されている。', 'A register of workers is kept.', '労働者名簿'],
  ['賃金台帳が作成されている。', 'A wage ledger is kept.', '賃金台帳'],
  [
    '安全衛生委員会が適正に設置されている。',
    'A health and safety committee is properly set up.',
    '安全衛生委員会の議事録',
  ],
  [
    '雇入れ時及び年1回の定期健康診断を実施し、結果を保存している。',
    'Health checks at hiring and once a year are done and their results kept.',
    '定期健康診断結果報告書 健康診断個人票',
  ],
  [
    '雇用保険への加入状況は適正である。',
    'Employment insurance enrolment is correct.',
    '雇用保険被保険者証 雇用保険資格取得等確認通知書',
  ],
  [
    '社会保険への加入状況は適正である。',
    'Social insurance enrolment is correct.',
    '被保険者資格取得確認及び標準報酬決定通知書',
  ],
  ['労働者は有給休暇を取得できる環境にある。', 'Workers can take paid leave.', '年休管理簿'],
  ['労働関係法規の改正に適宜対応している。', 'Changes in labour law are followed as they come.', null],
];

const items: ChecklistItem[] = rows.map(([text, textEn, records], i) => ({
  key: `l-${i + 1}`,
  label: String(i + 1),
  text,
  textEn,
  ...(records && { note: `確認する主な帳票類: ${records}`, noteEn: 'Main records to check (see Japanese)' }),
}));

export const toshimaLabourChecksheet: ChecklistTemplate = {
  key: 'toshima-labour',
  version: 1,
  title: '労務管理チェックシート',
  titleEn: 'Labour-management checksheet',
  source: 'seed 000 (豊島区 業務委託モニタリング報告書 別紙)',
  purpose: 'labour',
  results: ['ok', 'ng', 'na'],
  observationRequiredFor: ['ng'],
  legend: 'OK→○ 否→× 該当なし→/',
  columns: { result: 'OK', date: '実施日', observation: '確認内容' },
  signOffBoxes: ['課長', '係長', '担当者'],
  sections: [
    { key: 'l', heading: '労務管理', headingEn: 'Labour management', groups: [{ key: 'l', items }] },
  ],
};
