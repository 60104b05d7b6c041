import { describe, expect, it } from 'vitest';
import { headOf, type MunicipalityColumns, municipalityWords } from './municipality-words.js';

// The head and the reporting body of each kind of municipality (issues 18 and 19).

const row = (over: Partial<MunicipalityColumns>): MunicipalityColumns => ({
  municipality_kind: 'special_ward',
  self_word: null,
  council_name: null,
  ordinance_name: null,
  head_title: null,
  report_body_name: null,
  ...over,
});

describe("a municipality's head", () => {
  it.each([
    ['special_ward', '区長'],
    ['city', '市長'],
    ['designated_city', '市長'],
    ['town', '町長'],
    ['village', '村長'],
    ['partial_affairs_association', '管理者'],
    ['wide_area_union', '広域連合長'],
  ])('of a %s is its %s unless it names another', (kind, title) => {
    expect(municipalityWords(row({ municipality_kind: kind })).head.ja).toBe(title);
    expect(municipalityWords(row({ municipality_kind: kind, head_title: '職務代理者' })).head.ja).toBe(
      '職務代理者',
    );
  });

  it('is written after the name without saying the shared part twice', () => {
    expect(headOf('新宿区', '区長')).toBe('新宿区長');
    expect(headOf('市川市', '市長')).toBe('市川市長');
    expect(headOf('試験広域連合', '広域連合長')).toBe('試験広域連合長');
    expect(headOf('試験衛生組合', '管理者')).toBe('試験衛生組合管理者');
    expect(headOf('試験町', '町長職務代理者')).toBe('試験町長職務代理者');
    expect(headOf('南国市', '長')).toBe('南国市長');
  });
});

describe("a municipality's reporting body", () => {
  it('is the body its rules name, else its council, else none (and texts still say 審議会)', () => {
    const both = municipalityWords(row({ council_name: '審議会A', report_body_name: '審査会B' }));
    expect(both.reportBody?.ja).toBe('審査会B');
    expect(both.council.ja).toBe('審査会B');
    expect(municipalityWords(row({ council_name: '審議会A' })).reportBody?.ja).toBe('審議会A');
    const neither = municipalityWords(row({}));
    expect(neither.reportBody).toBeNull();
    expect(neither.council.ja).toBe('審議会');
  });
});
