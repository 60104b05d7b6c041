import { describe, expect, it } from 'vitest';
import {
  bodyLabel,
  fillWords,
  headOf,
  type MunicipalityColumns,
  municipalityWords,
} from './municipality-words.js';

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

describe("a municipality's body as the menu names it (bodyLabel)", () => {
  it('is a short name as it is, a long one by its body word, anything else cut, none 審議会', () => {
    expect(bodyLabel('個人情報保護委員会')).toBe('個人情報保護委員会');
    expect(bodyLabel('南国市情報公開・個人情報保護運営審議会')).toBe('審議会');
    expect(bodyLabel('情報公開・個人情報保護審査会')).toBe('審査会');
    expect(bodyLabel('○○広域連合個人情報保護に関する会議')).toBe('会議');
    expect(bodyLabel('○○市情報公開及び個人情報保護に関する有識者の集い')).toBe('○○市情報公開及び…');
    const words = municipalityWords(row({ report_body_name: '個人情報保護委員会' }));
    expect(fillWords('{body}への付議', words, 'ja')).toBe('個人情報保護委員会への付議');
    expect(fillWords('{body}への付議', municipalityWords(row({})), 'ja')).toBe('審議会への付議');
    // the body reports go to names it, not the council it also has
    const both = municipalityWords(
      row({ council_name: '個人情報保護審議会', report_body_name: '情報公開・個人情報保護審査会' }),
    );
    expect(both.body.ja).toBe('審査会');
  });
});
