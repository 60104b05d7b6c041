import { and, assign, not, setup } from 'xstate';
import { type SignOffContext, type SignOffRole, signOffGuards } from '../shared/sign-off.js';

// 事故: reported at once by whoever is in the chain → the ward instructs (指示) → the organisation
// reports its response, root cause and prevention → the ward signs it off (担当者 → 係長 → 課長) and
// the incident is closed; a signer may send it back for a better response. Publication (公表) is
// the ward's decision, taken once, at whatever stage: it does not move the state.

export type IncidentState = 'reported' | 'in_progress' | 'responded' | 'closed';

export interface IncidentContext extends SignOffContext {
  /** 公表済み */
  published: boolean;
}

export type IncidentEvent =
  | { type: 'INSTRUCT'; role: SignOffRole }
  | { type: 'RESPOND' }
  | { type: 'SIGN'; role: SignOffRole }
  | { type: 'SEND_BACK'; role: SignOffRole }
  | { type: 'PUBLISH'; role: SignOffRole };

/** 2: publication became an event of the machine, with `published` in its context. */
export const INCIDENT_MACHINE_VERSION = 2;

const publish = { guard: and(['isWardSigner', not('isPublished')]), actions: 'markPublished' } as const;

export const incidentMachine = setup({
  types: {
    context: {} as IncidentContext,
    events: {} as IncidentEvent,
    input: {} as { chain: SignOffRole[] },
  },
  guards: {
    ...signOffGuards,
    isPublished: ({ context }: { context: IncidentContext }) => context.published,
  },
  actions: {
    nextStep: assign({ step: ({ context }) => context.step + 1 }),
    restart: assign({ step: 0 }),
    markPublished: assign({ published: true }),
  },
}).createMachine({
  id: 'incident',
  initial: 'reported',
  context: ({ input }) => ({ chain: input.chain, step: 0, published: false }),
  states: {
    reported: {
      on: { INSTRUCT: { guard: 'isWardSigner', target: 'in_progress' }, PUBLISH: publish },
    },
    in_progress: {
      on: {
        INSTRUCT: { guard: 'isWardSigner', target: 'in_progress' },
        RESPOND: { target: 'responded', actions: 'restart' },
        PUBLISH: publish,
      },
    },
    responded: {
      on: {
        SIGN: [
          { guard: 'isLastStep', target: 'closed' },
          { guard: 'isCurrentStep', actions: 'nextStep' },
        ],
        SEND_BACK: { guard: 'isCurrentStep', target: 'in_progress', actions: 'restart' },
        PUBLISH: publish,
      },
    },
    closed: { on: { PUBLISH: publish } },
  },
});
