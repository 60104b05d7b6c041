import type { ChecklistSection, ChecklistTemplate } from './checklist.js';
import type { TemplateExtension } from './extend-template.js';

// What an inspector of a seed 004 contract (南国市個人番号カード関係業務委託仕様書) checks on site
// besides a standard checklist: the devices brought into the designated place (5(3)), the copying
// of 届書等 (5(2)②) and the pledges (5(1)③). A municipality adds it to a standard template as its
// own new version (項目の追加): its keys start with "x-", and the standard items stay as they are.

export const SEED004_SECTION: ChecklistSection = {
  key: 'x-s004',
  heading: '個人番号カード関係業務（仕様書 5 受託事業者の責務）',
  headingEn: 'My Number card counter (specification 5, the contractor’s duties)',
  groups: [
    {
      key: 'x-s004-devices',
      heading: '①情報機器等の持込み制限（仕様書 5(3)）',
      headingEn: 'Devices brought into the designated place (5(3))',
      items: [
        {
          key: 'x-s004-devices-1',
          label: 'ア',
          text: '執務場所にある情報端末（PC、タブレット、プリンタ等の周辺機器）及び記録媒体（USBメモリ等）は、すべて事前に市の許可を得たものか。',
          textEn:
            'Is every terminal and recording medium in the designated place one the city permitted in advance?',
          note: '確認する記録：情報機器等の持込み一覧（機器名・仕様・用途・許可の日）と現物の照合',
          noteEn:
            'Records: the register of declared devices (name, specification, use, day permitted), against what is there',
        },
        {
          key: 'x-s004-devices-2',
          label: 'イ',
          text: '許可を得て持ち込んだ端末が、市のネットワークに接続されていないか。',
          textEn: 'Is no permitted device connected to the city’s network?',
        },
        {
          key: 'x-s004-devices-3',
          label: 'ウ',
          text: '情報端末等の保管場所及び使用場所は、市と協議して決定した場所か。',
          textEn: 'Are the devices kept and used where agreed with the city?',
        },
      ],
    },
    {
      key: 'x-s004-copying',
      heading: '②届書等の取扱い（仕様書 5(2)）',
      headingEn: 'Notification forms (届書等, 5(2))',
      items: [
        {
          key: 'x-s004-copying-1',
          label: 'ア',
          text: '届書等の全部又は一部の複写複製等が、業務仕様書等に定める場合を除き行われていないか。',
          textEn: 'Are 届書等 never copied, in whole or in part, except where the specification allows it?',
        },
        {
          key: 'x-s004-copying-2',
          label: 'イ',
          text: '届書等の複写複製等を防止するため必要な措置が講じられているか。',
          textEn: 'Are the measures against copying 届書等 in place?',
        },
      ],
    },
    {
      key: 'x-s004-pledges',
      heading: '③誓約書（仕様書 5(1)③）',
      headingEn: 'Pledges (5(1)③)',
      items: [
        {
          key: 'x-s004-pledges-1',
          label: 'ア',
          text: '統括責任者、業務責任者及び業務従事者の誓約書（契約終了後及び退職後も有効なもの）の写しが、業務開始までに市へ提出されているか。新たに雇用した者についても同様か。',
          textEn:
            'Has a copy of the pledge of every general manager, task lead and worker (binding after the contract and after leaving) reached the city before they started, new hires included?',
        },
      ],
    },
  ],
};

/** The extension that adds the seed 004 section at the end of a standard template. */
export function withSeed004Section(standard: ChecklistTemplate): TemplateExtension {
  return { sections: [...standard.sections, SEED004_SECTION] };
}
