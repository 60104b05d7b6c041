import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor.js';
import { asSubject, defineAbilityFor } from '../app-ability.js';

const WARD = '00000000-0000-4000-8000-000000000001';
const OTHER_WARD = '00000000-0000-4000-8000-000000000002';
const SUB = '00000000-0000-4000-8000-000000000010';
const PARENT = '00000000-0000-4000-8000-000000000011';

const actor = (
  roles: Actor['roles'],
  organisationId: string,
  kind: Actor['organisationKind'],
  wardId: string | null,
): Actor => ({
  userId: '00000000-0000-4000-8000-0000000000ff',
  organisationId,
  organisationKind: kind,
  wardId,
  roles,
});
const provisions = (over: Record<string, unknown> = {}) =>
  asSubject('ContractProvisions', { wardId: WARD, contractorOrgId: SUB, contractorAccess: true, ...over });

describe('ContractProvisions policy', () => {
  it.each([
    [
      'ward officer chooses the template',
      actor(['ward_officer'], WARD, 'ward', WARD),
      'update',
      provisions(),
      true,
    ],
    [
      '…not in another ward',
      actor(['ward_officer'], OTHER_WARD, 'ward', OTHER_WARD),
      'update',
      provisions(),
      false,
    ],
    ['係長 does not choose', actor(['ward_chief'], WARD, 'ward', WARD), 'update', provisions(), false],
    [
      'ward officer does not accept for the company',
      actor(['ward_officer'], WARD, 'ward', WARD),
      'sign',
      provisions(),
      false,
    ],
    [
      'the bound company’s manager accepts',
      actor(['contractor_manager'], SUB, 'company', null),
      'sign',
      provisions(),
      true,
    ],
    [
      '…not before the sub-contract is opened to it',
      actor(['contractor_manager'], SUB, 'company', null),
      'sign',
      provisions({ contractorAccess: false }),
      false,
    ],
    [
      'its staff do not accept',
      actor(['contractor_staff'], SUB, 'company', null),
      'sign',
      provisions(),
      false,
    ],
    [
      'the parent contractor does not accept for its sub-contractor',
      actor(['contractor_manager'], PARENT, 'company', null),
      'sign',
      provisions(),
      false,
    ],
  ] as const)('%s', (_name, who, action, subject, expected) => {
    expect(defineAbilityFor(who).can(action, subject)).toBe(expected);
  });
});
