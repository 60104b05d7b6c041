// Explicit pages for long tables. react-pdf paginates a long run of rows by laying out what is left
// again at every page break, so its time grows with the square of the rows (400 rows: ~8 s). Cut
// into pages here, each page is laid out once (1,000 rows: a few seconds). Row heights are
// estimated from the text; the estimate errs on the tall side, and a page that still overflows is
// broken by react-pdf as before, so nothing is lost if it is wrong.

/** Width of a text in ems: full-width (CJK, kana, full-width forms) 1em, anything else ~0.6em. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text)
    ems +=
      /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        ch,
      )
        ? 1
        : 0.6;
  return ems;
}

export interface TableGeometry {
  /** Column widths in points. */
  widths: number[];
  fontSize: number;
  lineHeight: number;
  /** Padding of a cell on each side, in points. */
  padding: number;
}

/** The estimated height of a row: its tallest cell's lines, plus padding and the border. */
export function rowHeight(cells: string[], g: TableGeometry): number {
  const lines = Math.max(
    1,
    ...cells.map((text, i) => {
      const inner = (g.widths[i] ?? 0) - 2 * g.padding - 1;
      return text
        .split('\n')
        .reduce(
          (n, part) => n + Math.max(1, Math.ceil((textEms(part) * g.fontSize) / Math.max(inner, 1))),
          0,
        );
    }),
  );
  return lines * g.fontSize * g.lineHeight + 2 * g.padding + 1;
}

/**
 * Splits rows into pages: the first page has `firstPage` points for them, the others `otherPages`,
 * and every page repeats the header row (`headerHeight`).
 */
export function splitIntoPages<R>(
  rows: R[],
  heightOf: (row: R) => number,
  space: { firstPage: number; otherPages: number; headerHeight: number },
): R[][] {
  const pages: R[][] = [];
  let current: R[] = [];
  let left = space.firstPage - space.headerHeight;
  for (const row of rows) {
    const height = heightOf(row);
    if (current.length > 0 && height > left) {
      pages.push(current);
      current = [];
      left = space.otherPages - space.headerHeight;
    } else if (current.length === 0 && pages.length === 0 && height > left) {
      // not even one row fits after what precedes the table on the first page
      pages.push([]);
      left = space.otherPages - space.headerHeight;
    }
    current.push(row);
    left -= height;
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}
