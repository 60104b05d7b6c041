import { setup } from 'xstate';

// 取扱責任者及び取扱者の名簿: each submission of an organisation's list for a contract is acknowledged
// (確認) or returned (差戻し) by the ward, once. A change of the list is a new submission; the
// history stays, so the list in force on any day can be shown.

export type HandlerListState = 'submitted' | 'acknowledged' | 'returned';

export type HandlerListEvent = { type: 'ACKNOWLEDGE' } | { type: 'RETURN' };

export const HANDLER_LIST_MACHINE_VERSION = 1;

export const handlerListMachine = setup({ types: { events: {} as HandlerListEvent } }).createMachine({
  id: 'handler-list',
  initial: 'submitted',
  states: {
    /** 確認待ち */
    submitted: { on: { ACKNOWLEDGE: 'acknowledged', RETURN: 'returned' } },
    /** 確認済み: in force from the time of acknowledgement */
    acknowledged: { type: 'final' },
    /** 差戻し */
    returned: { type: 'final' },
  },
});
