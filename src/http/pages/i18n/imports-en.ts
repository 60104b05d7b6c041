import type { importsJa } from './imports-ja.js';

// The import page's words in English; the same keys as imports-ja.ts.

export const importsEn: typeof importsJa = {
  title: 'Bringing existing records in',
  link: 'Import records kept in Excel or on paper',
  intro:
    'Contracts, data-item registers and handler rosters kept in Excel or on paper are filled into a template and imported. Nothing is written unless every row is correct; otherwise each problem is shown by row and column. The dates of imported records (contract date, start of work, the day a roster was acknowledged) stay as recorded: the time rules of live handovers do not apply to them.',
  order:
    'Import the contracts first; registers and rosters name their contract by its contract number (契約番号).',
  states:
    'A contract’s state is 下書き (draft), 実施中 (active) or 完了 (closed). An active contract was approved on paper and becomes active without a fresh approval. Sub-contracts are not imported (the contractor applies for them here).',
  formats:
    'Dates as 2026-04-01, 2026/4/1 or 令和8年4月1日; yes and no as 有 and 無. A value starting with = + - or @ is a formula and is refused. Upload the Excel workbook (.xlsx) as it is, or save it as CSV UTF-8 (comma delimited); at most 2 MiB and 2,000 rows. Problems are shown by row, column and cell (e.g. B7).',
  templates: 'Templates',
  templateXlsx: 'Excel',
  templateCsv: 'CSV',
  pastNote:
    'Past sub-contracting approvals, and past handovers of media and password notices, returns and erasures, come in as the contract’s history with their original dates (shown as 取込み（過去の記録）). The rules of live recording — a password notice at least an hour after the media, no times in the future — apply only to what is recorded from now on.',
  kinds: {
    contracts: 'Contracts',
    register: 'Data-item registers',
    handlers: 'Handler rosters',
    approvals: 'Past sub-contracting approvals',
    handovers: 'Past handovers and erasures',
  },
  kind: 'Records to import',
  file: 'File (Excel workbook .xlsx or CSV)',
  fileHint:
    'Keep the template’s headings as they are. A workbook is read from its first sheet (or the sheet named like the template). Formulas, macros and links to other workbooks are refused.',
  chooseFile: 'Choose the kind of records and a file.',
  dryRun: 'Check only (write nothing)',
  submit: 'Import',
  checked: (rows: number, records: number) =>
    `No problems (${rows} rows, ${records} records would be written). This was a check: nothing was written.`,
  problems: 'Rows with problems',
  row: 'Row',
  column: 'Column',
  cell: 'Cell',
  problem: 'Problem',
  importedRecord: 'Imported from existing records (dates as recorded before)',
  history: 'Imports so far',
  noHistory: 'Nothing has been imported yet.',
  importedAt: 'Imported at',
  fileName: 'File',
  rowCount: 'Rows',
  recordCount: 'Records',
  importedBy: 'By',
  peopleTitle: 'People on the roster (matched to registered handlers)',
  peopleMatch: { existing: 'Registered handler', new: 'New handler' },
  contractNumber: 'Contract number',
  fullName: 'Name',
  match: 'Match',
  pastTitle: 'Imported (past records) / 取込み（過去の記録）',
  pastIntro:
    'Past sub-contracting approvals, handovers, returns and erasures recorded on paper, with their dates as recorded; they did not go through the product’s steps.',
  pastWhen: 'When',
  pastKind: 'Kind',
  pastRecord: 'As recorded',
  pastBadge: '取込み（過去の記録）',
  pastKinds: {
    subcontract_approval: 'Sub-contracting approval',
    media_handover: 'Media handover',
    password_handover: 'Password notice handover',
    return: 'Return',
    erasure: 'Erasure',
  },
};
