import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Workflow, WorkflowRecord } from '../shared/workflow.js';
import { readSignOffSteps, type SignOffStep } from './sign-off-steps.js';
import { type StampBox, stampBoxes } from './stamp-boxes.js';

/** A record's sign-off as people read it: the history of its steps and its stamp boxes (決裁欄). */
export interface SignOffView {
  steps: SignOffStep[];
  stamps: StampBox[];
}

/** The sign-off of a record the caller has already been allowed to read. */
export async function readSignOff<R extends WorkflowRecord>(
  db: Kysely<Database>,
  workflow: Workflow<R>,
  record: R,
): Promise<SignOffView> {
  const signOff = workflow.signOff;
  if (!signOff) return { steps: [], stamps: [] };
  const steps = await readSignOffSteps(db, signOff.steps, record.wardId, record.id);
  const position = signOff.position(record);
  const stamps = stampBoxes(position.chain, steps, {
    startedBy: signOff.stamps.startedBy,
    signedBy: signOff.stamps.signedBy,
    awaitedIndex: signOff.stamps.awaitedIn.includes(record.status) ? position.step : null,
  });
  return { steps, stamps };
}
