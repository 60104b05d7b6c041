import type { Kysely } from 'kysely';
import type { AnyStateMachine, EventObject } from 'xstate';
import type { ProvisionDuty } from '../../../forms/special-provisions/special-provisions.js';
import type { Action, SubjectType } from '../../../policies/app-ability.js';
import type { SignOffRole } from '../../../workflows/shared/sign-off.js';
import type { Database } from '../../db/database.js';
import type { StepTable } from '../sign-off/sign-off-steps.js';
import type { AwaitedStep, SignOffPosition } from '../sign-off/signer.js';
import type { Tx, UnitOfWork, UseCaseContext } from './context.js';
import type { ConflictError, Message } from './errors.js';

// A workflow is declared once — its machine, its table, how its record is loaded and how its
// snapshot is stored — and each of its commands is declared as data: which ability it needs,
// which event it sends, what it writes besides the state. `runStep` (run-step.ts) takes every
// command through the same path, and `allowedActions` (allowed-actions.ts) asks the same event
// builders what a person may do now, so the pages, the API and the use cases agree.

/** What every workflow record carries: its state and the machine that wrote it. */
export interface WorkflowRecord {
  id: string;
  wardId: string;
  status: string;
  version: number;
  /** The machine (id and version) whose snapshot the record stores. */
  machine: { id: string; version: number };
}

/** A stored snapshot: the state value and the context the machine's guards read. */
export interface Snapshot {
  value: string;
  context: Record<string, unknown>;
}

/** The tables holding workflow records; each has ward_id, id, status, machine_id, machine_version and version. */
export type WorkflowTable =
  | 'contracts'
  | 'approvals'
  | 'inspections'
  | 'inspection_findings'
  | 'compliance_reports'
  | 'incidents'
  | 'handover_packages'
  | 'package_take_outs'
  | 'handler_list_submissions'
  | 'erasure_records'
  | 'prior_approvals'
  | 'operational_reports'
  | 'improvement_recommendations'
  | 'device_declarations'
  | 'report_requests'
  | 'access_log_reviews'
  | 'contract_reviews';

export interface Workflow<R extends WorkflowRecord> {
  machine: AnyStateMachine;
  /** Bumped when the meaning of a stored snapshot changes; see `upgrades`. */
  version: number;
  subject: Exclude<SubjectType, 'all'>;
  name: Message;
  table: WorkflowTable;
  /** Prefix of the audit actions: `approval` → `approval.approve`. */
  auditPrefix: string;
  load(db: Kysely<Database>, id: string, lock: boolean): Promise<R | undefined>;
  /** The snapshot's context as stored in the record's columns (none by default). */
  context?(record: R): Record<string, unknown>;
  /** The columns that store the next snapshot's context. */
  persist?(context: Record<string, unknown>): Record<string, unknown>;
  /** Names of the states, for messages people read. */
  stateNames: Record<string, Message>;
  /** The ward's sign-off (決裁) on this record, if it has one. */
  signOff?: {
    steps: StepTable;
    position(record: R): SignOffPosition;
    /** The stamp boxes: which decisions start a round, which stamps a box, when one is awaited. */
    stamps: { startedBy: readonly string[]; signedBy: string; awaitedIn: readonly string[] };
  };
  /**
   * Upgrades of a stored snapshot written by an older machine version: `upgrades[n]` turns a
   * version-n snapshot into a version n+1 one. A snapshot no upgrade reaches is refused.
   */
  upgrades?: Record<number, (snapshot: Snapshot, record: R) => Snapshot>;
  /** The record's state as the audit entry shows it before and after (status and version by default). */
  auditState?(record: R): Record<string, unknown>;
  /** Whether the table has an updated_at column (default true). */
  touchesUpdatedAt?: boolean;
  /** The contract whose 特記事項 bind the record: a command's `duty` is cited from them. */
  contractIdOf?(record: R): string;
}

export interface CommandArgs<R, I, F> {
  record: R;
  /** Absent when only asking what may be done (allowedActions). */
  input: I | undefined;
  /** Facts gathered in the transaction; absent when only asking what may be done. */
  facts: F | undefined;
  /** The sign-off role the actor acts in, for a signature. */
  role: SignOffRole | undefined;
}

export interface StepArgs<R, I, F> extends UnitOfWork {
  ctx: UseCaseContext;
  record: R;
  input: I;
  facts: F;
  role: SignOffRole | undefined;
  /** The state the machine moves to, and its context. */
  next: Snapshot;
  now: Date;
  /** What the step's own writes add to its audit entry (`after`): the rows it made, the names it found. */
  auditNote: Record<string, unknown>;
}

export interface Command<R extends WorkflowRecord, I = void, F = undefined> {
  /** kebab-case, as in the API (`send-back`); the audit action is `<prefix>.<name>`. */
  name: string;
  /** What the command does, for refusals: 承認 / approve. */
  label: Message;
  /**
   * The ability it needs on the record, with the field (part) if any — or on the record it belongs
   * to (`on`: carrying a finding is a step of its inspection's course).
   */
  can: {
    action: Action;
    field?: string;
    on?(record: R): { subject: Exclude<SubjectType, 'all'>; record: object };
  };
  /** A signature of the ward's chain, and which one it gives. */
  signs?: AwaitedStep;
  /** The role written on the step row when the command is not a signature (applicant, contractor…). */
  stepRole?: string;
  /** The step row: its decision (default: the name in snake_case) and comment; false for none. */
  step?: false | { decision?: string; comment?(input: I): string | null };
  /** Facts from the database the event needs (blockers, the time of an earlier step…). */
  facts?(args: { tx: Tx; ctx: UseCaseContext; record: R; input: I }): Promise<F>;
  /**
   * What the state of a related record must allow first (the inspection a finding belongs to must
   * be in progress): a refusal, or undefined. Asked by the step and by allowedActions alike.
   */
  requires?(record: R): ConflictError | undefined;
  /** Checks of the input that hold whatever the state (422), before the machine is asked. */
  check?(args: CommandArgs<R, I, F> & { input: I }): void;
  /** Context the command brings into the decision (e.g. the chain fixed at submission). */
  context?(args: CommandArgs<R, I, F>): Record<string, unknown>;
  /** The event the machine is asked about. With no facts, as if nothing stood in the way. */
  event(args: CommandArgs<R, I, F>): EventObject;
  /**
   * The duty of the 特記事項 the step enforces (持出し, 保管, 目的外利用…): its refusals (409, 422)
   * carry 「（特記事項 第○条）」 and `article` from the provisions of the record's own contract
   * (`Workflow.contractIdOf`), so 別紙7, 乙 and 丙 each give their own numbering.
   */
  duty?: ProvisionDuty | ((record: R) => ProvisionDuty | undefined);
  /** A refusal more specific than the default one, or undefined for the default. */
  refusal?(args: CommandArgs<R, I, F> & { reason: 'guard' | 'not-in-this-state' }): ConflictError | undefined;
  /**
   * Checks the input and writes what the step adds besides the state (its own rows). Returns
   * further columns of the record to set. Runs after the machine allowed the event.
   */
  apply?(
    args: StepArgs<R, I, F>,
  ): Promise<Record<string, unknown> | undefined> | Record<string, unknown> | undefined;
  /** What the step means beyond the record (access, report items), in the same transaction. */
  after?(args: StepArgs<R, I, F> & { before: R; after: R }): Promise<void>;
  /** The audit entry's action (default `<prefix>.<name>`) and what its `after` adds. */
  audit?(args: StepArgs<R, I, F> & { before: R; after: R }): {
    action?: string;
    after?: Record<string, unknown>;
  };
}
