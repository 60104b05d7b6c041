import type { BreachAnswers } from '../../../forms/breach-reporting/index.js';
import type { BreachReportKind } from '../../../workflows/incident/incident.machine.js';
import {
  INCIDENT_MACHINE_VERSION,
  type IncidentEvent,
  incidentMachine,
} from '../../../workflows/incident/incident.machine.js';
import type { SignOffRole } from '../../../workflows/shared/sign-off.js';
import { type FieldError, ValidationError } from '../shared/errors.js';
import { signOffContext } from '../shared/stored-snapshot.js';
import type { Command, Workflow } from '../shared/workflow.js';
import { breachCommands } from './breach-commands.js';
import { findIncident, type Incident } from './incident.repository.js';

// 事故 on the shared step runner: the ward instructs (指示), the organisation responds (対応・原因・
// 再発防止策), the ward signs it off; publication (公表) is the ward's, once, at any stage.

export type IncidentCommand =
  | 'instruct'
  | 'respond'
  | 'sign'
  | 'send-back'
  | 'publish'
  | 'assess-breach'
  | 'record-breach-report';

export interface IncidentCommandInput {
  instructions?: string | null;
  response?: string | null;
  rootCause?: string | null;
  prevention?: string | null;
  publishedOn?: string | null;
  comment?: string | null;
  /** 漏えい等報告: the answers that decide it (assess-breach). */
  breach?: BreachAnswers | null;
  /** 速報, 確報 or 本人通知, and the day it was sent (record-breach-report). */
  reportKind?: BreachReportKind | null;
  sentOn?: string | null;
}

export const incidentWorkflow: Workflow<Incident> = {
  machine: incidentMachine,
  version: INCIDENT_MACHINE_VERSION,
  subject: 'Incident',
  name: { en: 'Incident', ja: '事故報告' },
  table: 'incidents',
  auditPrefix: 'incident',
  load: findIncident,
  context: (i) => ({
    ...signOffContext(i),
    published: i.published,
    breach: {
      assessed: i.breach.answers !== null,
      preliminary: i.breach.preliminarySentOn !== null,
      final: i.breach.finalSentOn !== null,
      notice: i.breach.personsNotifiedOn !== null,
    },
  }),
  persist: (context) => ({ step: context.step, published: context.published }),
  // Version 1 kept publication outside the machine, in the `published` column the context now
  // reads: a version-1 snapshot means the same once read.
  // Version 2 had no breach reports: its context, read from the columns, holds none yet.
  upgrades: { 1: (snapshot) => snapshot, 2: (snapshot) => snapshot },
  signOff: {
    steps: 'incident_steps',
    position: (i) => i,
    stamps: { startedBy: ['respond'], signedBy: 'sign', awaitedIn: ['responded'] },
  },
  auditState: (i) => ({ status: i.status, step: i.step, published: i.published, version: i.version }),
  stateNames: {
    reported: { en: 'reported', ja: '報告受付' },
    in_progress: { en: 'being dealt with', ja: '対応中' },
    responded: { en: 'responded', ja: '対応報告済み（決裁中）' },
    closed: { en: 'closed', ja: '完了' },
  },
};

type IncidentStep = Command<Incident, IncidentCommandInput>;

const required = (fields: Array<[keyof IncidentCommandInput, string]>, input: IncidentCommandInput) =>
  fields
    .filter(([key]) => !String(input[key] ?? '').trim())
    .map(
      ([key, ja]): FieldError => ({ path: key, message: 'required', message_ja: `${ja}を入力してください` }),
    );

/** A step of the ward's, in the sign-off role the actor holds. */
function wardStep(
  name: IncidentCommand,
  label: IncidentStep['label'],
  event: (role: SignOffRole) => IncidentEvent,
  extra: Partial<IncidentStep> = {},
): IncidentStep {
  return {
    name,
    label,
    can: { action: 'sign' },
    signs: 'current',
    step: { comment: (input) => input.comment ?? null },
    event: ({ role }) => event(role!),
    ...extra,
  };
}

export const incidentCommands: Record<IncidentCommand, IncidentStep> = {
  instruct: wardStep('instruct', { en: 'instruct', ja: '指示' }, (role) => ({ type: 'INSTRUCT', role }), {
    step: { comment: (input) => input.comment ?? input.instructions ?? null },
    check: ({ input }) => {
      const errors = required([['instructions', '指示内容']], input);
      if (errors.length)
        throw new ValidationError({ en: 'Write the instructions', ja: '指示内容を入力してください' }, errors);
    },
    apply: ({ record, input }) => ({
      ward_instructions: [record.wardInstructions, input.instructions].filter(Boolean).join('\n'),
    }),
  }),
  respond: {
    name: 'respond',
    label: { en: 'respond', ja: '対応報告' },
    can: { action: 'update' },
    stepRole: 'reporter',
    step: { comment: (input) => input.comment ?? null },
    check: ({ input }) => {
      const errors = required(
        [
          ['response', '対応内容'],
          ['rootCause', '原因'],
          ['prevention', '再発防止策'],
        ],
        input,
      );
      if (errors.length)
        throw new ValidationError(
          {
            en: 'Response, root cause and prevention are all required',
            ja: '対応内容・原因・再発防止策をすべて入力してください',
          },
          errors,
        );
    },
    event: () => ({ type: 'RESPOND' }),
    apply: ({ input }) => ({
      response: input.response,
      root_cause: input.rootCause,
      prevention: input.prevention,
    }),
  },
  sign: wardStep('sign', { en: 'sign off', ja: '決裁' }, (role) => ({ type: 'SIGN', role }), {
    apply: ({ next, now }) => (next.value === 'closed' ? { closed_at: now } : {}),
  }),
  'send-back': wardStep('send-back', { en: 'send back', ja: '差戻し' }, (role) => ({
    type: 'SEND_BACK',
    role,
  })),
  // 公表: a fact the ward records when it decides; the machine holds that it happens once.
  publish: wardStep('publish', { en: 'publish', ja: '公表' }, (role) => ({ type: 'PUBLISH', role }), {
    check: ({ input }) => {
      if (!input.publishedOn)
        throw new ValidationError(
          { en: 'The date of publication is required', ja: '公表日を入力してください' },
          [{ path: 'publishedOn', message: 'required', message_ja: '公表日を入力してください' }],
        );
    },
    apply: ({ input }) => ({ published_on: input.publishedOn }),
  }),
  ...breachCommands,
};
