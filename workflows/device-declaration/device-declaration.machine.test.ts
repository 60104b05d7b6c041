import { describe, expect, it } from 'vitest';
import { decide } from '../shared/decide.js';
import {
  type DeviceDeclarationEvent,
  type DeviceDeclarationState,
  deviceDeclarationMachine,
} from './device-declaration.machine.js';

const run = (state: DeviceDeclarationState, event: DeviceDeclarationEvent) =>
  decide(deviceDeclarationMachine, state, event);

describe('device declaration workflow (情報機器等の持込み)', () => {
  it('is permitted in advance, refused or withdrawn from declared', () => {
    expect(run('declared', { type: 'PERMIT', inAdvance: true })).toMatchObject({
      allowed: true,
      next: 'permitted',
    });
    expect(run('declared', { type: 'REFUSE' })).toMatchObject({ allowed: true, next: 'refused' });
    expect(run('declared', { type: 'WITHDRAW' })).toMatchObject({ allowed: true, next: 'withdrawn' });
  });

  it('withdraws a permitted device (持込み終了)', () => {
    expect(run('permitted', { type: 'WITHDRAW' })).toMatchObject({ allowed: true, next: 'withdrawn' });
  });

  it('refuses a permission after the device was to be brought in: no permission after the fact', () => {
    expect(run('declared', { type: 'PERMIT', inAdvance: false })).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
  });

  it.each<[DeviceDeclarationState, DeviceDeclarationEvent]>([
    ['permitted', { type: 'PERMIT', inAdvance: true }],
    ['permitted', { type: 'REFUSE' }],
    ['refused', { type: 'PERMIT', inAdvance: true }],
    ['refused', { type: 'WITHDRAW' }],
    ['withdrawn', { type: 'PERMIT', inAdvance: true }],
    ['withdrawn', { type: 'REFUSE' }],
    ['withdrawn', { type: 'WITHDRAW' }],
  ])('refuses %s + %j: a decided or withdrawn device is not decided again', (state, event) => {
    expect(run(state, event)).toMatchObject({ allowed: false, reason: 'not-in-this-state' });
  });
});
