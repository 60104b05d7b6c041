import { strToU8, zipSync } from 'fflate';
import {
  type Column,
  columnNote,
  IMPORT_COLUMNS,
  IMPORT_KIND_NAMES,
  type ImportKind,
} from './import-columns.js';
import { columnLetters } from './import-templates.js';
import { encodeXml } from './xml-scan.js';

// The template of an import as an Excel workbook (.xlsx), drawn from the kind's columns: one sheet
// named like the kind, the headings in row 1, a note row under them saying what each column takes
// (every note starts with ※, so the import reads past it), the panes frozen below the notes, and
// each column formatted for what it holds — dates as dates, everything else as text so that a
// 法人番号 or a 契約番号 like 007 is not turned into a number. Pure: no I/O.

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell styles (cellXfs), in the order styles.xml lists them. */
const STYLE = { normal: 0, heading: 1, note: 2, date: 3, datetime: 4, text: 5 } as const;

const CONTENT_TYPES = `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const ROOT_RELS = `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS = `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;

const STYLES = `${HEAD}<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/m/d"/><numFmt numFmtId="165" formatCode="yyyy/m/d h:mm"/></numFmts><fonts count="3"><font><sz val="11"/><name val="Yu Gothic"/><family val="3"/><charset val="128"/></font><font><b/><sz val="11"/><name val="Yu Gothic"/><family val="3"/><charset val="128"/></font><font><sz val="9"/><color rgb="FF555555"/><name val="Yu Gothic"/><family val="3"/><charset val="128"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyNumberFormat="1"/><xf numFmtId="49" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function workbookXml(sheetName: string): string {
  return `${HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets><sheet name="${encodeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

function textCell(ref: string, text: string, style: number): string {
  return `<c r="${ref}" t="inlineStr" s="${style}"><is><t xml:space="preserve">${encodeXml(text)}</t></is></c>`;
}

function columnStyle(column: Column): number {
  if (column.type === 'date') return STYLE.date;
  if (column.type === 'datetime') return STYLE.datetime;
  return STYLE.text;
}

function sheetXml(columns: Column[]): string {
  const last = columnLetters(columns.length - 1);
  const cols = columns
    .map((c, i) => {
      const width = Math.min(40, Math.max(14, c.heading.length * 2.4 + 2));
      return `<col min="${i + 1}" max="${i + 1}" width="${width.toFixed(1)}" style="${columnStyle(c)}" customWidth="1"/>`;
    })
    .join('');
  const headings = columns.map((c, i) => textCell(`${columnLetters(i)}1`, c.heading, STYLE.heading)).join('');
  const notes = columns.map((c, i) => textCell(`${columnLetters(i)}2`, columnNote(c), STYLE.note)).join('');
  return `${HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL}"><dimension ref="A1:${last}2"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A3" sqref="A3"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="18"/><cols>${cols}</cols><sheetData><row r="1">${headings}</row><row r="2" ht="66" customHeight="1">${notes}</row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** The .xlsx template of `kind`. */
export function templateXlsx(kind: ImportKind): Uint8Array<ArrayBuffer> {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(workbookXml(IMPORT_KIND_NAMES[kind].ja)),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    'xl/styles.xml': strToU8(STYLES),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml(IMPORT_COLUMNS[kind])),
  };
  return zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') }) as Uint8Array<ArrayBuffer>;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
