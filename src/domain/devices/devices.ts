import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { getContract } from '../contracts/manage-contracts.js';
import { allowedActions, type Viewer } from '../shared/allowed-actions.js';
import { authorize } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { runStep } from '../shared/run-step.js';
import {
  type DeviceDeclaration,
  deviceFields,
  deviceQuery,
  findDeviceDeclaration,
  toDeviceDeclaration,
} from './device-declaration.repository.js';
import {
  type DeviceCommand,
  type DeviceCommandInput,
  deviceCommands,
  deviceDeclarationWorkflow,
} from './device-declaration.workflow.js';

export type { DeviceCommand, DeviceCommandInput, DeviceDeclaration };

/** One declared device; one the actor may not read is not found. */
export async function getDeviceDeclaration(ctx: UseCaseContext, id: string): Promise<DeviceDeclaration> {
  const record = await findDeviceDeclaration(ctx.db, id);
  if (!record) throw notFound('Device declaration', '情報機器等の持込み');
  authorize(ctx.ability, 'read', 'DeviceDeclaration', record);
  return record;
}

export interface DeviceQuery {
  contractId?: string;
  status?: string;
  cursor?: string;
  limit: number;
}

/** The register of declared devices this person may read, newest first; the rules run in SQL. */
export async function listDeviceDeclarations(
  ctx: UseCaseContext,
  query: DeviceQuery,
): Promise<Page<DeviceDeclaration>> {
  // a contract named in the query must itself be readable: 404 rather than an empty register
  if (query.contractId) await getContract(ctx, query.contractId);
  let q = deviceQuery(ctx.db).where((eb) =>
    accessibleBy(eb, ctx.ability, 'read', 'DeviceDeclaration', deviceFields),
  );
  if (query.contractId) q = q.where('device_declarations.contract_id', '=', query.contractId);
  if (query.status) q = q.where('device_declarations.status', '=', query.status as never);
  if (query.cursor) {
    const [declaredAt, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) =>
      after(eb, ['device_declarations.declared_at', 'device_declarations.id'], [declaredAt, id], 'desc'),
    );
  }
  const rows = await q
    .orderBy('device_declarations.declared_at', 'desc')
    .orderBy('device_declarations.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.declared_at.toISOString(), r.id], toDeviceDeclaration);
}

/** Declared devices awaiting the municipality's decision (許可待ち), the soonest first; rules in SQL. */
export async function listDeviceQueue(ctx: UseCaseContext, limit: number): Promise<DeviceDeclaration[]> {
  const rows = await deviceQuery(ctx.db)
    .where((eb) =>
      eb.and([
        accessibleBy(eb, ctx.ability, 'sign', 'DeviceDeclaration', deviceFields),
        eb('device_declarations.status', '=', 'declared'),
      ]),
    )
    .orderBy('device_declarations.bring_from')
    .orderBy('device_declarations.id')
    .limit(limit)
    .execute();
  return rows.map(toDeviceDeclaration);
}

/** The municipality permits (in advance) or refuses; the company withdraws. */
export function actOnDevice(
  ctx: UseCaseContext,
  id: string,
  command: DeviceCommand,
  input: DeviceCommandInput,
  expectedVersion: number,
): Promise<DeviceDeclaration> {
  return runStep(ctx, deviceDeclarationWorkflow, deviceCommands[command], id, input, expectedVersion);
}

/** The steps this person may take on the device now. */
export function deviceActions(viewer: Viewer, record: DeviceDeclaration): DeviceCommand[] {
  return allowedActions(
    viewer,
    deviceDeclarationWorkflow,
    Object.values(deviceCommands),
    record,
  ) as DeviceCommand[];
}

export const DEVICE_COMMANDS = Object.keys(deviceCommands) as DeviceCommand[];
export const DEVICE_STATE_NAMES = deviceDeclarationWorkflow.stateNames;
