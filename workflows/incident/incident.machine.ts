import { assign, setup } from 'xstate';
import type { SignOffRole } from '../approval/approval.machine.js';

// 事故: reported at once by whoever is in the chain → the ward instructs (指示) → the organisation
// reports its response, root cause and prevention → the ward signs it off (担当者 → 係長 → 課長) and
// the incident is closed; a signer may send it back for a better response.

export type IncidentState = 'reported' | 'in_progress' | 'responded' | 'closed';

export interface IncidentContext {
  chain: SignOffRole[];
  step: number;
}

export type IncidentEvent =
  | { type: 'INSTRUCT'; role: SignOffRole }
  | { type: 'RESPOND' }
  | { type: 'SIGN'; role: SignOffRole }
  | { type: 'SEND_BACK'; role: SignOffRole };

type Args = { context: IncidentContext; event: IncidentEvent };
const roleOf = (event: IncidentEvent) => ('role' in event ? event.role : undefined);

export const incidentMachine = setup({
  types: {
    context: {} as IncidentContext,
    events: {} as IncidentEvent,
    input: {} as { chain: SignOffRole[] },
  },
  guards: {
    isWardSigner: ({ context, event }: Args) => context.chain.includes(roleOf(event) as SignOffRole),
    isCurrentStep: ({ context, event }: Args) => roleOf(event) === context.chain[context.step],
    isLastStep: ({ context, event }: Args) =>
      roleOf(event) === context.chain[context.step] && context.step === context.chain.length - 1,
  },
  actions: { nextStep: assign({ step: ({ context }) => context.step + 1 }), restart: assign({ step: 0 }) },
}).createMachine({
  id: 'incident',
  initial: 'reported',
  context: ({ input }) => ({ chain: input.chain, step: 0 }),
  states: {
    reported: { on: { INSTRUCT: { guard: 'isWardSigner', target: 'in_progress' } } },
    in_progress: {
      on: {
        INSTRUCT: { guard: 'isWardSigner', target: 'in_progress' },
        RESPOND: { target: 'responded', actions: 'restart' },
      },
    },
    responded: {
      on: {
        SIGN: [
          { guard: 'isLastStep', target: 'closed' },
          { guard: 'isCurrentStep', actions: 'nextStep' },
        ],
        SEND_BACK: { guard: 'isCurrentStep', target: 'in_progress', actions: 'restart' },
      },
    },
    closed: { type: 'final' },
  },
});
