import { describe, expect, it } from 'vitest';
import {
  checkRegister,
  outsideParent,
  type RegisterDocument,
  type RegisterItem,
} from './register-document.js';

const item = (
  name: string,
  direction: RegisterItem['direction'] = 'provided',
  extra: Partial<RegisterItem> = {},
): RegisterItem => ({
  key: name,
  name,
  catalogueCode: null,
  direction,
  includesPastYears: false,
  specialCategory: null,
  myNumber: false,
  specialApproval: null,
  ...extra,
});

const parent: RegisterDocument = {
  subjectGroups: [{ name: '撤去車両所有者', items: [item('氏名'), item('住所'), item('電話番号')] }],
  media: [
    { kind: 'usb', name: '暗号化USB' },
    { kind: 'paper', name: '放置自転車等返還請求書' },
  ],
};

describe('register rules', () => {
  it('accepts a register without duplicates', () => {
    expect(checkRegister(parent)).toEqual([]);
  });

  it('names duplicate groups, items and media', () => {
    const doc: RegisterDocument = {
      subjectGroups: [
        {
          name: '問合せ者',
          items: [item('氏名', 'collected'), item('氏名', 'collected'), item('氏名', 'provided')],
        },
        { name: '問合せ者 ', items: [] },
      ],
      media: [
        { kind: 'usb', name: 'USB' },
        { kind: 'usb', name: 'USB' },
      ],
    };
    expect(checkRegister(doc).map((e) => e.path)).toEqual([
      'subjectGroups.0.items.1',
      'subjectGroups.1.name',
      'media.1',
    ]);
  });

  it('requires the ward approval for special categories', () => {
    const doc: RegisterDocument = {
      subjectGroups: [
        { name: '相談者', items: [item('犯罪の経歴', 'collected', { specialCategory: 'crime' })] },
      ],
      media: [],
    };
    const [error] = checkRegister(doc);
    // the municipality's own word is put in where the message is shown (区の承認, 市の承認)
    expect(error?.message_ja).toContain('{self}の承認');
    const approved = structuredClone(doc);
    approved.subjectGroups[0]!.items[0]!.specialApproval = {
      approvedBy: 'u',
      approvedAt: '2026-04-01',
      note: '承認第1号',
    };
    expect(checkRegister(approved)).toEqual([]);
  });

  it('keeps a sub-contract inside its parent and names what is outside', () => {
    const inside: RegisterDocument = {
      subjectGroups: [{ name: '撤去車両所有者', items: [item('氏名')] }],
      media: [{ kind: 'usb', name: '暗号化USB' }],
    };
    expect(outsideParent(inside, parent)).toEqual([]);
    const outside: RegisterDocument = {
      subjectGroups: [
        { name: '撤去車両所有者', items: [item('氏名'), item('氏名', 'collected'), item('勤務先')] },
      ],
      media: [{ kind: 'cloud', name: '管理システム' }],
    };
    const errors = outsideParent(outside, parent);
    expect(errors.map((e) => e.path)).toEqual([
      'subjectGroups.0.items.1',
      'subjectGroups.0.items.2',
      'media.0',
    ]);
    expect(errors[1]?.message_ja).toContain('勤務先');
  });
});
