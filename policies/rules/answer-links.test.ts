import { describe, expect, it } from 'vitest';
import { asSubject } from '../app-ability.js';
import { contactActorAndAbility } from '../contact-ability.js';
import { CONTRACTOR, checkCases, OTHER_WARD, type PolicyCase, recordNames, WARD } from './policy-table.js';

// 回答用リンク: the ward's signers make, read and revoke their ward's links; nobody else does. The
// contact who answers through a link may read and answer the one report it names, nothing more.

const link = { wardId: WARD };
const otherWardLink = { wardId: OTHER_WARD };
const names = recordNames({ link, otherWardLink });

const cases: PolicyCase[] = [
  ['ward_officer', 'create', 'AnswerLink', link, undefined, true],
  ['ward_officer', 'update', 'AnswerLink', link, undefined, true],
  ['ward_chief', 'read', 'AnswerLink', link, undefined, true],
  ['ward_manager', 'create', 'AnswerLink', link, undefined, true],
  ['inspector', 'create', 'AnswerLink', link, undefined, false],
  ['inspector', 'read', 'AnswerLink', link, undefined, false],
  ['council_reviewer', 'read', 'AnswerLink', link, undefined, false],
  ['contractor_manager', 'read', 'AnswerLink', link, undefined, false],
  ['contractor_manager', 'create', 'AnswerLink', link, undefined, false],
  ['contractor_staff', 'read', 'AnswerLink', link, undefined, false],
  ['ward_officer', 'read', 'AnswerLink', otherWardLink, undefined, false],
  ['ward_officer', 'create', 'AnswerLink', otherWardLink, undefined, false],
  ['other_ward_officer', 'update', 'AnswerLink', link, undefined, false],
  ['other_ward_officer', 'update', 'AnswerLink', otherWardLink, undefined, true],
  ['other_ward_manager', 'read', 'AnswerLink', link, undefined, false],
  ['other_ward_reviewer', 'read', 'AnswerLink', otherWardLink, undefined, false],
  ['sub_manager', 'create', 'AnswerLink', link, undefined, false],
  ['sub_staff', 'read', 'AnswerLink', link, undefined, false],
  ['other_company_manager', 'read', 'AnswerLink', link, undefined, false],
  ['other_company_staff', 'create', 'AnswerLink', link, undefined, false],
  // the system administrator may do anything, as everywhere
  ['system_admin', 'update', 'AnswerLink', otherWardLink, undefined, true],
];

describe('answer link rules', () => {
  checkCases(cases, names);
});

describe('a contact answering through a link', () => {
  const report = { id: 'report-1', wardId: WARD, organisationId: CONTRACTOR, chainOrgIds: [] };
  const grant = {
    linkId: 'link-1',
    wardId: WARD,
    organisationId: CONTRACTOR,
    targetId: report.id,
    contact: { name: '戸塚 花子', email: 'hanako@example.jp', organisation: 'サイクルサポート' },
  };
  const reportAs = (r: object) => asSubject('ComplianceReport', r);

  it('reads and answers the one report the link names, as no user', () => {
    const { actor, ability } = contactActorAndAbility({ ...grant, purpose: 'compliance_report_answer' });
    expect(actor.userId).toBe('contact:link-1');
    expect(actor.roles).toEqual([]);
    expect(ability.can('read', reportAs(report))).toBe(true);
    expect(ability.can('update', reportAs(report))).toBe(true);
    expect(ability.can('sign', reportAs(report))).toBe(false);
    // the company's other report, another ward's report of the same id, anything else
    expect(ability.can('update', reportAs({ ...report, id: 'report-2' }))).toBe(false);
    expect(ability.can('read', reportAs({ ...report, wardId: OTHER_WARD }))).toBe(false);
    expect(ability.can('read', asSubject('Notification', { userId: actor.userId }))).toBe(false);
    expect(ability.can('create', asSubject('Attachment', { organisationId: CONTRACTOR, wardId: WARD }))).toBe(
      false,
    );
    expect(ability.can('read', asSubject('AnswerLink', { wardId: WARD }))).toBe(false);
  });

  it('gets nothing on the report through a link made for another purpose', () => {
    const { ability } = contactActorAndAbility({ ...grant, purpose: 'handler_pledge_upload' });
    expect(ability.can('read', reportAs(report))).toBe(false);
    expect(ability.can('update', reportAs(report))).toBe(false);
  });

  it('records the pledge of the one handler a pledge link names, its copy for that ward', () => {
    const handler = { id: 'handler-1', organisationId: CONTRACTOR };
    const { ability } = contactActorAndAbility({
      ...grant,
      targetId: handler.id,
      purpose: 'handler_pledge_upload',
    });
    expect(ability.can('update', asSubject('Handler', handler))).toBe(true);
    expect(ability.can('update', asSubject('Handler', { ...handler, id: 'handler-2' }))).toBe(false);
    expect(ability.can('create', asSubject('Attachment', { organisationId: CONTRACTOR, wardId: WARD }))).toBe(
      true,
    );
    expect(ability.can('create', asSubject('Attachment', { organisationId: CONTRACTOR, wardId: null }))).toBe(
      false,
    );
    // a report link's contact touches no handler
    const reportLink = contactActorAndAbility({ ...grant, purpose: 'compliance_report_answer' });
    expect(reportLink.ability.can('update', asSubject('Handler', handler))).toBe(false);
  });
});
