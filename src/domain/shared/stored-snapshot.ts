import type { SignOffRole } from '../../../workflows/shared/sign-off.js';
import { ConflictError } from './errors.js';
import type { Snapshot, Workflow, WorkflowRecord } from './workflow.js';

/**
 * The record's snapshot as this server's machine reads it. A snapshot written by another machine is
 * refused; one written by an older version of this machine is upgraded step by step through the
 * workflow's registered upgrades; one no upgrade reaches (or written by a newer server) is refused
 * with a clear error rather than misread.
 */
export function readSnapshot<R extends WorkflowRecord>(workflow: Workflow<R>, record: R): Snapshot {
  const stored = record.machine;
  const ours = { id: workflow.machine.id, version: workflow.version };
  let snapshot: Snapshot = { value: record.status, context: workflow.context?.(record) ?? {} };
  if (stored.id !== ours.id) throw unreadable(workflow, stored, ours);
  if (stored.version > ours.version) throw unreadable(workflow, stored, ours);
  for (let v = stored.version; v < ours.version; v++) {
    const upgrade = workflow.upgrades?.[v];
    if (!upgrade) throw unreadable(workflow, stored, ours);
    snapshot = upgrade(snapshot, record);
  }
  return snapshot;
}

function unreadable(
  workflow: Pick<Workflow<never>, 'name'>,
  stored: { id: string; version: number },
  ours: { id: string; version: number },
): ConflictError {
  return new ConflictError(
    {
      en: `This ${workflow.name.en.toLowerCase()} was saved by workflow ${stored.id} version ${stored.version}, which this server (${ours.id} version ${ours.version}) cannot read; nothing was changed — ask the system administrator`,
      ja: `この${workflow.name.ja}は別の版の手続（${stored.id} 第${stored.version}版）で保存されており、このサーバー（第${ours.version}版）では扱えません。変更は行っていません。システム管理者に連絡してください`,
    },
    { storedMachine: stored, machine: ours },
  );
}

/** The columns that tag a new record with the machine that will read it. */
export function machineColumns(workflow: Pick<Workflow<never>, 'machine' | 'version'>): {
  machine_id: string;
  machine_version: number;
} {
  return { machine_id: workflow.machine.id, machine_version: workflow.version };
}

/** The sign-off part of a stored context, as the columns hold it. */
export function signOffContext(record: { chain: readonly SignOffRole[]; step: number }) {
  return { chain: [...record.chain], step: record.step };
}
