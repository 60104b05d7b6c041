import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import type { CouncilSummary } from '../../domain/summaries/build-summary.js';
import { rowHeight, splitIntoPages, textEms } from '../table-pages.js';
import { renderCouncilSummaryPdf } from './render-council-summary.js';

// The summary's contracts table is cut into pages by estimated row heights: every row must still
// appear once, in order, each page starting with the table's header, whatever the titles' lengths.

const LONG =
  '総合自転車対策業務一括委託（放置自転車の撤去、保管、返還及び処分並びに駐輪場の管理運営を含む。）';

function summaryOf(n: number): CouncilSummary {
  return {
    wardName: '新宿区',
    fiscalYearLabel: '令和8年度',
    department: null,
    generatedAt: '2026-11-22T02:00:00.000Z',
    figures: [{ key: 'contracts', label: '個人情報を取り扱う委託契約', labelEn: 'Contracts', value: n }],
    contracts: Array.from({ length: n }, (_, i) => ({
      title: `${i % 5 === 0 ? LONG.repeat(1 + (i % 3)) : '窓口業務委託'} No.${String(i).padStart(3, '0')}`,
      department: '交通対策課',
      contractor: '株式会社サイクルサポート東京',
      status: 'active',
      periodFrom: '2026-04-01',
      periodTo: '2027-03-31',
      subcontracts: i % 3,
    })),
  } as unknown as CouncilSummary;
}

describe('the council summary PDF', () => {
  it('keeps every contract once and in order, with the header on every page', async () => {
    const { pages, text } = await pdfText(await renderCouncilSummaryPdf(summaryOf(90)));
    expect(pages).toBeGreaterThan(3);
    const numbers = [...text.replace(/\s/g, '').matchAll(/No\.(\d{3})/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 90 }, (_, i) => i));
    const pageTexts = text.split('\n');
    for (const page of pageTexts.slice(1))
      expect(page.replace(/\s/g, '').startsWith('件名所管課')).toBe(true);
    expect(pageTexts.at(-1)).toContain(`${pages} / ${pages}`);
  });

  it('speaks Japanese only: the figures table has 項目 and 件数, no English label column', async () => {
    const { text } = await pdfText(await renderCouncilSummaryPdf(summaryOf(3)));
    const flat = text.replace(/\s/g, '');
    expect(flat).toContain('項目件数個人情報を取り扱う委託契約3');
    expect(text).not.toContain('Contracts');
    expect(text).not.toContain('Item');
  });

  it('draws an empty year as one page with the table header', async () => {
    const { pages, text } = await pdfText(await renderCouncilSummaryPdf(summaryOf(0)));
    expect(pages).toBe(1);
    expect(text.replace(/\s/g, '')).toContain('件名所管課受託者状態契約期間再委託');
  });
});

describe('splitting rows into pages', () => {
  const geometry = { widths: [100, 50], fontSize: 10, lineHeight: 1.5, padding: 3 };

  it('estimates full-width text at one em a character and wraps it by the cell width', () => {
    expect(textEms('新宿区')).toBe(3);
    expect(textEms('ABC')).toBeCloseTo(1.8);
    // 9 characters of 10pt fit in 100 − 7pt; 10 do not
    expect(rowHeight(['あ'.repeat(9), 'x'], geometry)).toBe(15 + 7);
    expect(rowHeight(['あ'.repeat(10), 'x'], geometry)).toBe(30 + 7);
  });

  it('fills each page up to its space, the first page with less, and never leaves a row out', () => {
    const rows = Array.from({ length: 10 }, (_, i) => i);
    const pages = splitIntoPages(rows, () => 10, { firstPage: 35, otherPages: 55, headerHeight: 5 });
    expect(pages).toEqual([
      [0, 1, 2],
      [3, 4, 5, 6, 7],
      [8, 9],
    ]);
    // a row taller than what is left on the first page starts on the next one
    expect(splitIntoPages([0], () => 40, { firstPage: 20, otherPages: 100, headerHeight: 5 })).toEqual([
      [],
      [0],
    ]);
    expect(splitIntoPages([], () => 10, { firstPage: 20, otherPages: 100, headerHeight: 5 })).toEqual([[]]);
  });
});
