import { and, assign, not, setup } from 'xstate';
import { type SignOffContext, type SignOffRole, signOffGuards } from '../shared/sign-off.js';

// 事故: reported at once by whoever is in the chain → the ward instructs (指示) → the organisation
// reports its response, root cause and prevention → the ward signs it off (担当者 → 係長 → 課長) and
// the incident is closed; a signer may send it back for a better response. Publication (公表) is
// the ward's decision, taken once, at whatever stage: it does not move the state.
// 漏えい等報告 (breach reports to the Commission) run beside it at every stage, without moving the
// state either: the ward answers the questions that decide a report (ASSESS_BREACH) until the full
// report (確報) has gone, and records once each of 速報, 確報 and the notice to the people affected
// (本人通知), after answering them.

export type IncidentState = 'reported' | 'in_progress' | 'responded' | 'closed';

/** Which breach report (漏えい等報告) was sent: 速報, 確報, 本人通知. */
export type BreachReportKind = 'preliminary' | 'final' | 'notice';

export interface IncidentContext extends SignOffContext {
  /** 公表済み */
  published: boolean;
  /** 漏えい等報告: answered, and which reports were sent (absent before version 3). */
  breach?: { assessed: boolean } & Record<BreachReportKind, boolean>;
}

export type IncidentEvent =
  | { type: 'INSTRUCT'; role: SignOffRole }
  | { type: 'RESPOND' }
  | { type: 'SIGN'; role: SignOffRole }
  | { type: 'SEND_BACK'; role: SignOffRole }
  | { type: 'PUBLISH'; role: SignOffRole }
  | { type: 'ASSESS_BREACH' }
  | { type: 'RECORD_BREACH_REPORT'; kind: BreachReportKind };

/**
 * 2: publication became an event of the machine, with `published` in its context.
 * 3: breach reports (漏えい等報告), with `breach` in its context.
 */
export const INCIDENT_MACHINE_VERSION = 3;

const NOTHING_SENT = { assessed: false, preliminary: false, final: false, notice: false };

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
    isFinalReportSent: ({ context }: { context: IncidentContext }) => Boolean(context.breach?.final),
    isBreachAssessed: ({ context }: { context: IncidentContext }) => Boolean(context.breach?.assessed),
    isReportSent: ({ context, event }: { context: IncidentContext; event: IncidentEvent }) =>
      event.type === 'RECORD_BREACH_REPORT' && Boolean(context.breach?.[event.kind]),
  },
  actions: {
    nextStep: assign({ step: ({ context }) => context.step + 1 }),
    restart: assign({ step: 0 }),
    markPublished: assign({ published: true }),
    markBreachAssessed: assign({
      breach: ({ context }) => ({ ...NOTHING_SENT, ...context.breach, assessed: true }),
    }),
    markReportSent: assign({
      breach: ({ context, event }) => ({
        ...NOTHING_SENT,
        ...context.breach,
        ...(event.type === 'RECORD_BREACH_REPORT' && { [event.kind]: true }),
      }),
    }),
  },
}).createMachine({
  id: 'incident',
  initial: 'reported',
  context: ({ input }) => ({ chain: input.chain, step: 0, published: false }),
  // at every stage, closed included: a 確報 is often due after the incident itself is closed
  on: {
    ASSESS_BREACH: { guard: not('isFinalReportSent'), actions: 'markBreachAssessed' },
    RECORD_BREACH_REPORT: {
      guard: and(['isBreachAssessed', not('isReportSent')]),
      actions: 'markReportSent',
    },
  },
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
