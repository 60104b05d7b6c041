import { strToU8, zipSync } from 'fflate';

// Real .xlsx workbooks for tests, written part by part as Excel writes them: strings in the shared
// string table (with the phonetic guide Japanese Excel adds), numbers and date serials as numbers,
// formulas with their cached value — and, on request, what an attacker adds (a VBA project, a link
// to another workbook, a part that inflates to far more than the file's size).

/** A cell: text, a number, a date (by Excel's serial day), or a formula with its cached value. */
export type TestCell =
  | string
  | number
  | { date: string; time?: string }
  | { formula: string; cached?: string }
  | null;

export interface TestSheet {
  name: string;
  rows: TestCell[][];
  hidden?: boolean;
}

export interface WorkbookOptions {
  macros?: boolean;
  externalLink?: boolean;
  /** A part of this many bytes of zeros (it compresses to almost nothing). */
  bombBytes?: number;
  date1904?: boolean;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function letters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Excel's serial day of a date (and time) typed in Japan, in the 1900 or 1904 system. */
export function serialOf(date: string, time = '00:00', date1904 = false): number {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (Date.parse(`${date}T${time}:00Z`) - epoch) / 86_400_000;
}

/** Builds an .xlsx whose sheets hold `sheets`; the first sheet is the workbook's first. */
export function buildWorkbook(sheets: TestSheet[], options: WorkbookOptions = {}): Uint8Array {
  const shared: string[] = [];
  const sharedIndex = (s: string) => {
    const i = shared.indexOf(s);
    if (i >= 0) return i;
    shared.push(s);
    return shared.length - 1;
  };
  const sheetXml = (sheet: TestSheet) => {
    const rows = sheet.rows
      .map((cells, r) => {
        const xml = cells
          .map((cell, c) => {
            const ref = `${letters(c)}${r + 1}`;
            if (cell === null) return '';
            if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${sharedIndex(cell)}</v></c>`;
            if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
            if ('date' in cell)
              return `<c r="${ref}" s="1"><v>${serialOf(cell.date, cell.time, options.date1904)}</v></c>`;
            return `<c r="${ref}" t="str"><f>${esc(cell.formula)}</f><v>${esc(cell.cached ?? '')}</v></c>`;
          })
          .join('');
        return `<row r="${r + 1}">${xml}</row>`;
      })
      .join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>${rows}</sheetData></worksheet>`;
  };
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet));
  });
  const sst = shared
    .map(
      (s) =>
        `<si><t xml:space="preserve">${esc(s)}</t><rPh sb="0" eb="1"><t>フリガナ</t></rPh><phoneticPr fontId="1"/></si>`,
    )
    .join('');
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${NS}" count="${shared.length}" uniqueCount="${shared.length}">${sst}</sst>`,
  );
  const sheetList = sheets
    .map(
      (s, i) =>
        `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${NS}" xmlns:r="${REL}"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${sheetList}</sheets></workbook>`,
  );
  const rels = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  const main = options.macros
    ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${main}"/>${overrides}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  files['_rels/.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  if (options.macros) files['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]);
  if (options.externalLink)
    files['xl/externalLinks/externalLink1.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="${NS}"><externalBook r:id="rId1" xmlns:r="${REL}"/></externalLink>`,
    );
  if (options.bombBytes) files['xl/worksheets/sheet99.xml'] = new Uint8Array(options.bombBytes);
  return zipSync(files, { level: 9 });
}
