import { setup } from 'xstate';
import type { Blocker } from '../contract-lifecycle/contract-lifecycle.machine.js';

// An erasure record (消去の記録, seed 003 特記事項15・丙13): recorded by the organisation that erased,
// then certified — the system issues the signed certificate (消去証明書) and nothing changes it
// afterwards. Certifying is refused while something in the record no longer holds (a listed
// package is no longer held by the organisation); the use case passes those as blockers.

export type ErasureState = 'recorded' | 'certified';

export type ErasureEvent = { type: 'CERTIFY'; blockers: Blocker[] };

export const ERASURE_MACHINE_VERSION = 1;

export const erasureMachine = setup({
  types: { events: {} as ErasureEvent },
  guards: { nothingBlocks: ({ event }: { event: ErasureEvent }) => event.blockers.length === 0 },
}).createMachine({
  id: 'erasure',
  initial: 'recorded',
  states: {
    /** 記録済み */
    recorded: { on: { CERTIFY: { guard: 'nothingBlocks', target: 'certified' } } },
    /** 証明書発行済み */
    certified: { type: 'final' },
  },
});
