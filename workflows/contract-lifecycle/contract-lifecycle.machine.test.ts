import { describe, expect, it } from 'vitest';
import { decide } from '../shared/decide.js';
import {
  type Blocker,
  type ContractEvent,
  type ContractStatus,
  contractLifecycleMachine,
} from './contract-lifecycle.machine.js';

const blocker: Blocker = { code: 'register-missing', en: 'no register', ja: '情報項目が未登録' };
const run = (state: ContractStatus, event: ContractEvent) => decide(contractLifecycleMachine, state, event);

describe('contract lifecycle', () => {
  it.each<[ContractStatus, ContractEvent, ContractStatus]>([
    ['draft', { type: 'ACTIVATE', blockers: [] }, 'active'],
    ['active', { type: 'BEGIN_ENDING' }, 'ending'],
    ['ending', { type: 'RESUME', blockers: [] }, 'active'],
    ['ending', { type: 'RESUME', blockers: [], to: 'active' }, 'active'],
    ['ending', { type: 'RESUME', blockers: [], to: 'approved' }, 'approved'],
    ['draft', { type: 'SUBDELEGATION_APPROVED' }, 'approved'],
    ['approved', { type: 'ACTIVATE', blockers: [] }, 'active'],
    ['approved', { type: 'BEGIN_ENDING' }, 'ending'],
    ['ending', { type: 'CLOSE', blockers: [] }, 'closed'],
  ])('%s + %j → %s', (state, event, next) => {
    expect(run(state, event)).toMatchObject({ allowed: true, next });
  });

  it.each<[ContractStatus, ContractEvent]>([
    ['draft', { type: 'BEGIN_ENDING' }],
    ['draft', { type: 'CLOSE', blockers: [] }],
    ['active', { type: 'ACTIVATE', blockers: [] }],
    ['active', { type: 'CLOSE', blockers: [] }],
    ['closed', { type: 'RESUME', blockers: [] }],
    ['active', { type: 'SUBDELEGATION_APPROVED' }],
    ['approved', { type: 'HAND_OVER_DATA' }],
    ['approved', { type: 'CLOSE', blockers: [] }],
    ['closed', { type: 'ACTIVATE', blockers: [] }],
  ])('refuses %s + %j as not allowed in this state', (state, event) => {
    expect(run(state, event)).toEqual({ allowed: false, reason: 'not-in-this-state', state });
  });

  it('refuses activation and closing while something blocks them', () => {
    expect(run('draft', { type: 'ACTIVATE', blockers: [blocker] })).toEqual({
      allowed: false,
      reason: 'guard',
      state: 'draft',
    });
    expect(run('approved', { type: 'ACTIVATE', blockers: [blocker] })).toMatchObject({ allowed: false });
    expect(run('ending', { type: 'RESUME', blockers: [blocker] })).toMatchObject({ allowed: false });
    expect(run('ending', { type: 'RESUME', blockers: [blocker], to: 'approved' })).toMatchObject({
      allowed: false,
    });
    expect(run('ending', { type: 'CLOSE', blockers: [blocker] })).toEqual({
      allowed: false,
      reason: 'guard',
      state: 'ending',
    });
  });

  it('takes prior approvals (事前承認) while the work runs or ends, never in a draft or closed contract', () => {
    const event: ContractEvent = { type: 'APPLY_PRIOR_APPROVAL' };
    expect(run('active', event)).toMatchObject({ allowed: true, next: 'active' });
    expect(run('ending', event)).toMatchObject({ allowed: true, next: 'ending' });
    expect(run('draft', event)).toMatchObject({ allowed: false, reason: 'not-in-this-state' });
    expect(run('closed', event)).toMatchObject({ allowed: false, reason: 'not-in-this-state' });
  });
});
