import { describe, expect, it } from 'vitest';
import { decide } from '../shared/decide.js';
import { type HandlerListEvent, type HandlerListState, handlerListMachine } from './handler-list.machine.js';

const run = (state: HandlerListState, event: HandlerListEvent) => decide(handlerListMachine, state, event);

describe('handler list workflow', () => {
  it('is acknowledged or returned once, from submitted', () => {
    expect(run('submitted', { type: 'ACKNOWLEDGE' })).toMatchObject({ allowed: true, next: 'acknowledged' });
    expect(run('submitted', { type: 'RETURN' })).toMatchObject({ allowed: true, next: 'returned' });
  });

  it.each<[HandlerListState, HandlerListEvent]>([
    ['acknowledged', { type: 'ACKNOWLEDGE' }],
    ['acknowledged', { type: 'RETURN' }],
    ['returned', { type: 'ACKNOWLEDGE' }],
    ['returned', { type: 'RETURN' }],
  ])('refuses %s + %j: a decided list is never decided again', (state, event) => {
    expect(run(state, event)).toMatchObject({ allowed: false, reason: 'not-in-this-state' });
  });
});
