import { asSubject } from '../../../policies/app-ability.js';
import { findContract } from '../contracts/contract.repository.js';
import { checkContractAllows } from '../contracts/contract.workflow.js';
import { notify, usersWithRoles } from '../notifications/notify.js';
import { citationFor, cite } from '../provisions/cite-provision.js';
import { findContractProvisions } from '../provisions/provisions.repository.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { type FieldError, notFound, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { type DeviceDeclaration, findDeviceDeclaration } from './device-declaration.repository.js';
import { deviceDeclarationWorkflow } from './device-declaration.workflow.js';

export interface DeviceInput {
  contractId: string;
  /** The 業務責任者 (or 副業務責任者) on the company's acknowledged roster who brings it. */
  declarantHandlerId: string;
  deviceName: string;
  specification: string;
  purpose: string;
  storagePlace: string;
  usePlace: string;
  bringFrom: string;
  /** 市のネットワークに接続しない: must be acknowledged (true). */
  noNetworkAcknowledged: boolean;
}

const LEAD_ROLES = ['task_lead', 'deputy_task_lead'] as const;

/**
 * 情報機器等の持込みの届出 (seed 004 5(3)): the company's manager declares a device its 業務責任者
 * will bring into the designated place — 機器名, 仕様, 用途, where it is kept and used — before the
 * day it is brought in, acknowledging that it is never connected to the municipality's network.
 * The municipality permits or refuses it in advance.
 */
export async function declareDevice(ctx: UseCaseContext, input: DeviceInput): Promise<DeviceDeclaration> {
  const organisationId = ctx.actor.organisationId;
  authorize(ctx.ability, 'create', 'DeviceDeclaration', { organisationId });
  return inTransaction(ctx, async ({ tx, audit }) => {
    const contract = await findContract(tx, input.contractId);
    if (
      !contract ||
      contract.contractorOrgId !== organisationId ||
      !ctx.ability.can('read', asSubject('Contract', contract))
    )
      throw notFound('Contract', '契約');
    checkContractAllows(
      contract,
      { type: 'SUBMIT_HANDLER_LIST' },
      {
        en: 'Devices are declared while the contract is under way',
        ja: '完了した契約には機器の持込みを届け出られません',
      },
    );

    const errors: FieldError[] = [];
    const devices = citationFor(await findContractProvisions(tx, contract.wardId, contract.id), 'devices');
    if (!input.noNetworkAcknowledged) {
      const { en, ja } = cite(
        {
          en: 'a device brought in is never connected to the {self}’s network: acknowledge it',
          ja: '持ち込んだ機器は{self}のネットワークに接続しません。確認してください',
        },
        devices,
      );
      errors.push({ path: 'noNetworkAcknowledged', message: en, message_ja: ja });
    }
    const today = toJapanDate(ctx.now());
    if (input.bringFrom < today)
      errors.push({
        path: 'bringFrom',
        message: `declare before bringing it in: from ${today} on`,
        message_ja: `持込み前に届け出てください（${today}以降の日付）`,
      });
    // the lead who brings it, on the company's latest acknowledged roster of this contract
    const lead = await tx
      .selectFrom('handler_list_entries as e')
      .innerJoin('handler_list_submissions as s', (j) =>
        j.onRef('s.ward_id', '=', 'e.ward_id').onRef('s.id', '=', 'e.submission_id'),
      )
      .select(['e.role', 's.id'])
      .where('s.ward_id', '=', contract.wardId)
      .where('s.contract_id', '=', contract.id)
      .where('s.organisation_id', '=', organisationId)
      .where('s.status', '=', 'acknowledged')
      .where('e.handler_id', '=', input.declarantHandlerId)
      .where('s.decided_at', '=', (eb) =>
        eb
          .selectFrom('handler_list_submissions as l')
          .select((x) => x.fn.max('l.decided_at').as('latest'))
          .whereRef('l.ward_id', '=', 's.ward_id')
          .whereRef('l.contract_id', '=', 's.contract_id')
          .whereRef('l.organisation_id', '=', 's.organisation_id')
          .where('l.status', '=', 'acknowledged'),
      )
      .executeTakeFirst();
    if (!lead || !(LEAD_ROLES as readonly string[]).includes(lead.role))
      errors.push({
        path: 'declarantHandlerId',
        message: 'the 業務責任者 (or 副業務責任者) on your acknowledged roster declares the device',
        message_ja:
          '機器の持込みは、確認済みの業務従事者名簿に載っている業務責任者（副業務責任者を含む）が届け出ます',
      });
    if (errors.length)
      throw new ValidationError(
        { en: 'The device declaration is incomplete', ja: '機器の持込みの届出に不足または誤りがあります' },
        errors,
      );

    const now = ctx.now();
    const row = await tx
      .insertInto('device_declarations')
      .values({
        ward_id: contract.wardId,
        contract_id: contract.id,
        organisation_id: organisationId,
        status: 'declared',
        ...machineColumns(deviceDeclarationWorkflow),
        declarant_handler_id: input.declarantHandlerId,
        device_name: input.deviceName.trim(),
        specification: input.specification.trim(),
        purpose: input.purpose.trim(),
        storage_place: input.storagePlace.trim(),
        use_place: input.usePlace.trim(),
        bring_from: input.bringFrom,
        no_network_acknowledged: true,
        declared_by: ctx.actor.userId,
        declared_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const record = (await findDeviceDeclaration(tx, row.id))!;
    await notify(
      tx,
      {
        userIds: await usersWithRoles(tx, contract.wardId, ['ward_officer']),
        wardId: contract.wardId,
        kind: 'device_declaration',
        subjectType: 'DeviceDeclaration',
        subjectId: row.id,
        deadlineKey: `device:${row.id}:declare`,
        title: `情報機器等の持込みの届出：${contract.title}`,
        body: `${record.deviceName}（${record.purpose}）${record.bringFrom}から`,
      },
      now,
    );
    await audit({
      wardId: contract.wardId,
      action: 'device.declare',
      subjectType: 'DeviceDeclaration',
      subjectId: row.id,
      after: { ...record, chainOrgIds: undefined },
    });
    return record;
  });
}
