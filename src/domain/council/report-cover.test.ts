import { describe, expect, it } from 'vitest';
import { japaneseList, mediaPhrase } from './council-report-content.js';
import { approvalMark, checkReportCover, EMPTY_COVER, type ReportCover } from './report-cover.js';

// The pure rules of the council report: the media phrase grouped by kind (issue 19: 「紙（…）及び
// 紙（…）及び…」 read badly), and the cover's refusals.

describe('記録媒体 as one phrase', () => {
  it('groups paper forms and electronic media the way seed 003 writes them', () => {
    expect(
      mediaPhrase([
        '紙（「放置自転車等返還請求書」）',
        '紙（「駐輪施設利用申請書」）',
        '紙（「駐輪施設利用申請者リスト」）',
        'USB',
        '委託先のパソコン',
        '管理システム（委託先が使用するクラウドサービス）',
      ]),
    ).toBe(
      '紙（「放置自転車等返還請求書」、「駐輪施設利用申請書」及び「駐輪施設利用申請者リスト」）及び' +
        '電磁的媒体（USB、委託先のパソコン及び管理システム（委託先が使用するクラウドサービス））',
    );
  });

  it('reads one medium alone, other media apart, and nothing as nothing', () => {
    expect(mediaPhrase(['紙（「報告書」）'])).toBe('紙（「報告書」）');
    expect(mediaPhrase(['委託先のパソコン'])).toBe('電磁的媒体（委託先のパソコン）');
    expect(mediaPhrase(['紙（「報告書」）', 'その他（口頭）'])).toBe('紙（「報告書」）及びその他（口頭）');
    expect(mediaPhrase([])).toBe('');
    expect(japaneseList(['A', 'B'])).toBe('A及びB');
  });
});

const cover = (change: Partial<ReportCover>): ReportCover => ({ ...EMPTY_COVER, ...change });
const part = (
  name: string,
  personalInfo = true,
  priorApproval: string | null = null,
  newlyAdded = false,
) => ({
  name,
  personalInfo,
  priorApproval,
  newlyAdded,
});

describe('the cover of a report item', () => {
  it('accepts nothing recorded, and a bundle of parts with earlier approvals', () => {
    expect(checkReportCover(EMPTY_COVER)).toEqual([]);
    expect(
      checkReportCover(
        cover({
          parts: [
            part('撤去', false),
            part('保管場所管理', true, '平成9年度第1回本審議会にて了承済'),
            part('コールセンター', true, null, true),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('refuses, by field, what cannot be so', () => {
    const paths = (c: ReportCover) => checkReportCover(c).map((e) => e.path);
    expect(paths(cover({ parts: [part('一つだけ')] }))).toEqual(['parts']);
    expect(paths(cover({ parts: [part('A'), part('A')] }))).toEqual(['parts.1.name']);
    expect(paths(cover({ parts: [part('A', false, '了承済'), part('B')] }))).toEqual([
      'parts.0.priorApproval',
    ]);
    expect(paths(cover({ parts: [part('A'), part('B', true, '了承済', true)] }))).toEqual([
      'parts.1.priorApproval',
    ]);
    expect(paths(cover({ outsourcingKinds: ['collection', 'collection'] }))).toEqual(['outsourcingKinds.1']);
    expect(paths(cover({ meetingOn: '2026-13-01' }))).toEqual(['meetingOn']);
    expect(paths(cover({ contractorSelection: { method: '', decisionNote: '2月中旬' } }))).toEqual([
      'contractorSelection.method',
    ]);
    for (const error of checkReportCover(cover({ parts: [part('一つだけ')] }))) {
      expect(error.message).toBeTruthy();
      expect(error.message_ja).toBeTruthy();
    }
  });

  it('marks the council column: — without personal information, ○ approved before, × reported now', () => {
    expect(approvalMark(part('撤去', false))).toEqual({ mark: '—', note: '' });
    expect(approvalMark(part('保管', true, '了承済'))).toEqual({ mark: '○', note: '了承済' });
    expect(approvalMark(part('新規', true, null, true))).toEqual({ mark: '×', note: '今回の報告事項' });
  });
});
