// CSV that Excel opens correctly: UTF-8 with a BOM, CRLF lines, every cell quoted (RFC 4180),
// and a cell starting = + - @ neutralised so a spreadsheet never runs it as a formula.

export type CsvCell = string | number | null | undefined;

export function csvCell(value: CsvCell): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(lines: CsvCell[][]): string {
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
