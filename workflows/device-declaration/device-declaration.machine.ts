import { setup } from 'xstate';

// 情報機器等の持込み制限 (seed 004 5(3)): no terminal or recording medium may be brought into the
// designated place, except what the 業務責任者 declares (機器名, 仕様, 用途) and the municipality
// permits in advance; a permitted device is never connected to its network (5(3)①).
//
// declared (届出中) → permitted (許可) → withdrawn (持込み終了・取下げ)
//                   → refused (不許可)
// declared → withdrawn
// The permission must come before the device is brought in: PERMIT says whether the decision falls
// on or before the declared first day (inAdvance); a permission after it is refused, and the company
// declares again with a later day — there is no permission after the fact.

export type DeviceDeclarationState = 'declared' | 'permitted' | 'refused' | 'withdrawn';

export type DeviceDeclarationEvent =
  | { type: 'PERMIT'; inAdvance: boolean }
  | { type: 'REFUSE' }
  | { type: 'WITHDRAW' };

export const DEVICE_DECLARATION_MACHINE_VERSION = 1;

export const deviceDeclarationMachine = setup({
  types: { events: {} as DeviceDeclarationEvent },
  guards: {
    inAdvance: ({ event }) => event.type === 'PERMIT' && event.inAdvance,
  },
}).createMachine({
  id: 'device-declaration',
  initial: 'declared',
  states: {
    /** 届出中: awaiting the municipality's decision */
    declared: {
      on: {
        PERMIT: { target: 'permitted', guard: 'inAdvance' },
        REFUSE: 'refused',
        WITHDRAW: 'withdrawn',
      },
    },
    /** 許可: may be brought into the designated place from the declared day, never networked */
    permitted: { on: { WITHDRAW: 'withdrawn' } },
    /** 不許可 */
    refused: { type: 'final' },
    /** 取下げ・持込み終了 */
    withdrawn: { type: 'final' },
  },
});
