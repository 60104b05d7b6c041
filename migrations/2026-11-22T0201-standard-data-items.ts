import { type Kysely, sql } from 'kysely';

// The standard data-item catalogue (情報項目), word for word from the source documents:
// seed 001 別紙7 第2条 (items a contractor may handle), seed 003 (the bicycle-measures council
// report), and the special categories that need the ward's approval (要配慮個人情報) and My Number.

const items: Array<
  [code: string, name: string, nameEn: string, special: string | null, myNumber: boolean, source: string]
> = [
  ['name', '氏名', 'Name', null, false, '001 別紙7 第2条(1)'],
  ['address', '住所', 'Address', null, false, '001 別紙7 第2条(2)'],
  ['sex', '性別', 'Sex', null, false, '001 別紙7 第2条(3)'],
  ['age', '年齢', 'Age', null, false, '001 別紙7 第2条(4)'],
  ['consultation', '相談内容', 'Content of consultation', null, false, '001 別紙7 第2条(5)'],
  ['phone', '電話番号', 'Telephone number', null, false, '001 別紙7 第2条(6)'],
  ['fax', 'FAX番号', 'Fax number', null, false, '001 別紙7 第2条(7)'],
  ['email', 'メールアドレス', 'E-mail address', null, false, '001 別紙7 第2条(8)'],
  ['birth_date', '生年月日', 'Date of birth', null, false, 'common'],
  ['inquiry', '問合せ内容', 'Content of inquiry', null, false, '003'],
  [
    'bicycle_registration',
    '自転車防犯登録番号',
    'Bicycle crime-prevention registration number',
    null,
    false,
    '003',
  ],
  ['moped_plate', '原付標識交付登録番号', 'Moped licence plate registration number', null, false, '003'],
  ['frame_number', '車体番号', 'Frame number', null, false, '003'],
  ['vehicle_plate', '車両番号標', 'Vehicle number plate', null, false, '003'],
  ['application_place', '申請箇所', 'Parking place applied for', null, false, '003'],
  ['usage_period', '利用期間', 'Period of use', null, false, '003'],
  ['workplace', '勤務先', 'Workplace', null, false, '003'],
  ['school', '通学先', 'School', null, false, '003'],
  [
    'fee_exemption_proof',
    '利用料免除資格証明（身体障害者手帳、生活保護受給者証、学生証）',
    'Proof of fee exemption (disability certificate, public assistance certificate, student card)',
    null,
    false,
    '003',
  ],
  ['belief', '思想・信条・宗教', 'Thought, creed and religion', 'belief', false, '要配慮個人情報'],
  [
    'social_status',
    '社会的差別の原因となる事実',
    'Facts that may cause social discrimination',
    'social_status',
    false,
    '要配慮個人情報',
  ],
  ['criminal_record', '犯罪の経歴', 'Criminal record', 'crime', false, '要配慮個人情報'],
  ['my_number', '個人番号（マイナンバー）', 'Individual number (My Number)', null, true, '特定個人情報'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [code, name, nameEn, special, myNumber, source] of items) {
    await sql`insert into data_item_catalogue (code, name, name_en, special_category, my_number, source)
              values (${code}, ${name}, ${nameEn}, ${special}, ${myNumber}, ${source})`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from data_item_catalogue where ward_id is null`.execute(db);
}
