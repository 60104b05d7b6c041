import type { RosterRole } from '../../db/tables/contracts.js';
import { handlerListWorkflow } from '../handlers/handler-list.workflow.js';
import { ROLE_NAMES } from '../handlers/roster-rules.js';
import type { Tx, UnitOfWork, UseCaseContext } from '../shared/context.js';
import type { FieldError } from '../shared/errors.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { japanMidnight } from './import-contracts.js';
import { findContractsByNumber } from './import-targets.js';
import {
  cellError,
  cellReader,
  ROLE_WORDS,
  readChoice,
  readDate,
  readYesNo,
  rowError,
  type SheetRow,
  text,
} from './import-templates.js';
import { handlersOf, kanaKey, matchHandler, nameKey } from './match-handlers.js';

// 取扱者名簿の取込み: one row per person on a contract's roster (取扱責任者及び取扱者の名簿, or seed
// 004's 業務従事者名簿), any number of contracts per file. Each contract's rows become the
// contractor's list as the ward acknowledged it (確認済み) on 名簿の確認日 — history, not a list
// awaiting the ward — and each person a handler (取扱者) of the contractor, with the date of the
// pledge (誓約書) as recorded on paper: the contractor's handler already registered under the same
// name (match-handlers.ts), or a new one, the same new one for every row naming that person. A
// contract whose contractor already has a list here keeps it: later changes are submitted by the
// company in the product.

interface Person {
  row: number;
  role: RosterRole;
  fullName: string;
  kana: string | null;
  jobTitle: string | null;
  task: string | null;
  handlesMyNumber: boolean;
  effectiveFrom: string;
  effectiveTo: string | null;
  pledgedOn: string | null;
  acknowledgedOn: string | null;
  /** The contractor's registered handler this row names, or null for a new one. */
  handlerId: string | null;
}

/** What a dry run reports of each roster row: the registered handler it names, or a new one. */
export interface PersonMatch {
  row: number;
  contractNumber: string;
  fullName: string;
  match: 'existing' | 'new';
  handlerId: string | null;
}

export interface RosterPlan {
  contractId: string;
  contractNumber: string;
  organisationId: string;
  people: Person[];
}

export async function planRosters(
  _ctx: UseCaseContext,
  tx: Tx,
  wardId: string,
  rows: SheetRow[],
  errors: FieldError[],
): Promise<RosterPlan[]> {
  const existing = new Set(
    (
      await tx
        .selectFrom('handler_list_submissions')
        .select(['contract_id', 'organisation_id'])
        .where('ward_id', '=', wardId)
        .execute()
    ).map((s) => `${s.contract_id}/${s.organisation_id}`),
  );
  const contracts = await findContractsByNumber(tx, wardId, rows, errors, (contract) =>
    existing.has(`${contract.id}/${contract.contractorOrgId}`)
      ? {
          en: 'the contractor already has a handler list for this contract; it submits changes in the product',
          ja: 'この契約には受託者の名簿が既にあります。変更は受託者がシステムで提出してください',
        }
      : contract.parentContractId
        ? {
            en: 'a sub-contract’s list is submitted by its sub-contractor in the product',
            ja: '再委託契約の名簿は再委託先がシステムで提出してください',
          }
        : null,
  );
  const known = await handlersOf(
    tx,
    [...contracts.values()].map((c) => c.contractorOrgId),
  );
  const plans = new Map<string, RosterPlan>();
  const seenPeople = new Map<string, number>();
  for (const row of rows) {
    const before = errors.length;
    const cell = cellReader(row, errors);
    const contract = contracts.get(text(row, '契約番号'));
    const role = cell('役割', (raw) => readChoice(raw, ROLE_WORDS));
    const effectiveFrom = cell('従事開始日', readDate);
    const effectiveTo = cell('従事終了日', readDate, null);
    const pledgedOn = cell('誓約書の日付', readDate, null);
    const person: Person = {
      row: row.row,
      role: role!,
      fullName: text(row, '氏名'),
      kana: text(row, 'フリガナ') || null,
      jobTitle: text(row, '役職') || null,
      task: text(row, '業務') || null,
      handlesMyNumber: cell('特定個人情報の取扱い', readYesNo, false),
      effectiveFrom: effectiveFrom!,
      effectiveTo,
      pledgedOn,
      acknowledgedOn: cell('名簿の確認日', readDate, null),
      handlerId: null,
    };
    if (effectiveFrom && effectiveTo && effectiveTo < effectiveFrom)
      errors.push(
        cellError(row.row, '従事終了日', { en: 'ends before it starts', ja: '終了日が開始日より前です' }),
      );
    // seed 004 5(1)③: the pledge is signed before the person starts.
    if (effectiveFrom && pledgedOn && pledgedOn > effectiveFrom)
      errors.push(
        cellError(row.row, '誓約書の日付', {
          en: 'the pledge is signed on or before the first day of work',
          ja: '誓約書は従事開始日以前の日付である必要があります',
        }),
      );
    if ((role === 'task_lead' || role === 'deputy_task_lead') && !person.task)
      errors.push(
        cellError(row.row, '業務', {
          en: `name the task (業務) the ${ROLE_NAMES[role].en} leads`,
          ja: `${ROLE_NAMES[role].ja}の業務を入力してください`,
        }),
      );
    if (contract && person.fullName) {
      const match = matchHandler(known.get(contract.contractorOrgId) ?? [], person.fullName, person.kana);
      if (match.kind === 'existing') person.handlerId = match.handler.id;
      if (match.kind === 'ambiguous')
        errors.push(
          cellError(row.row, person.kana ? '氏名' : 'フリガナ', {
            en: `${match.count} people of the contractor are registered under this name: give the フリガナ that tells them apart`,
            ja: `受託者にはこの氏名の人が${match.count}人登録されています。区別できるフリガナを入力してください`,
          }),
        );
      const key = `${contract.id}\u0000${nameKey(person.fullName)}\u0000${kanaKey(person.kana)}`;
      const earlier = seenPeople.get(key);
      if (earlier)
        errors.push(
          cellError(row.row, '氏名', {
            en: `the same person as row ${earlier}`,
            ja: `${earlier}行目と同じ人です`,
          }),
        );
      seenPeople.set(key, earlier ?? row.row);
    }
    if (!contract || errors.length > before) continue;
    const plan = plans.get(contract.id) ?? {
      contractId: contract.id,
      contractNumber: text(row, '契約番号'),
      organisationId: contract.contractorOrgId,
      people: [],
    };
    plans.set(contract.id, plan);
    plan.people.push(person);
  }
  for (const plan of plans.values()) {
    if (!plan.people.some((p) => p.role === 'responsible' || p.role === 'general_manager'))
      errors.push(
        rowError(plan.people[0]!.row, {
          en: 'name a responsible person (取扱責任者, or the 統括責任者) for this contract',
          ja: 'この契約の取扱責任者（又は統括責任者）を指定してください',
        }),
      );
  }
  return [...plans.values()];
}

/** Each roster row as the dry run reports it: matched to a registered handler, or new. */
export function matchesOf(plans: RosterPlan[]): PersonMatch[] {
  return plans
    .flatMap((plan) =>
      plan.people.map((p) => ({
        row: p.row,
        contractNumber: plan.contractNumber,
        fullName: p.fullName,
        match: p.handlerId ? ('existing' as const) : ('new' as const),
        handlerId: p.handlerId,
      })),
    )
    .sort((a, b) => a.row - b.row);
}

/** One key per person of a company, so that rows naming the same new person make one handler. */
const personKey = (organisationId: string, person: Person) =>
  `${organisationId}\u0000${nameKey(person.fullName)}\u0000${kanaKey(person.kana)}`;

export async function writeRosters(
  ctx: UseCaseContext,
  uow: UnitOfWork,
  wardId: string,
  importId: string,
  plans: RosterPlan[],
): Promise<number> {
  const now = ctx.now();
  const created = new Map<string, string>();
  for (const plan of plans) {
    const dates = plan.people.map((p) => p.acknowledgedOn).filter((d): d is string => !!d);
    const acknowledgedAt = dates.length ? japanMidnight(dates.sort().at(-1)!) : now;
    const submission = await uow.tx
      .insertInto('handler_list_submissions')
      .values({
        ward_id: wardId,
        contract_id: plan.contractId,
        organisation_id: plan.organisationId,
        ...machineColumns(handlerListWorkflow),
        status: 'acknowledged',
        submitted_by: null,
        submitted_at: acknowledgedAt,
        decided_by: ctx.actor.userId,
        decided_at: acknowledgedAt,
        comment: '既存記録の取込み / imported',
        imported_at: now,
        import_id: importId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const person of plan.people) {
      const key = personKey(plan.organisationId, person);
      let handlerId = person.handlerId ?? created.get(key);
      if (!handlerId) {
        handlerId = (
          await uow.tx
            .insertInto('handlers')
            .values({
              organisation_id: plan.organisationId,
              full_name: person.fullName,
              full_name_kana: person.kana,
              job_title: person.jobTitle,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        created.set(key, handlerId);
      }
      person.handlerId = handlerId;
      // a pledge already on record for that day is the same pledge
      const pledged =
        person.pledgedOn &&
        (await uow.tx
          .selectFrom('handler_pledges')
          .select('id')
          .where('handler_id', '=', handlerId)
          .where('signed_on', '=', person.pledgedOn)
          .executeTakeFirst());
      if (person.pledgedOn && !pledged)
        await uow.tx
          .insertInto('handler_pledges')
          .values({
            handler_id: handlerId,
            signed_on: person.pledgedOn,
            recorded_by: ctx.actor.userId,
            recorded_at: now,
          })
          .execute();
      await uow.tx
        .insertInto('handler_list_entries')
        .values({
          ward_id: wardId,
          submission_id: submission.id,
          handler_id: handlerId,
          role: person.role,
          effective_from: person.effectiveFrom,
          effective_to: person.effectiveTo,
          task: person.task,
          handles_my_number: person.handlesMyNumber,
        })
        .execute();
    }
    await uow.audit({
      wardId,
      action: 'handler_list.import',
      subjectType: 'HandlerList',
      subjectId: submission.id,
      after: {
        importId,
        contractId: plan.contractId,
        organisationId: plan.organisationId,
        status: 'acknowledged',
        acknowledgedAt: acknowledgedAt.toISOString(),
        people: plan.people,
      },
    });
  }
  return plans.length;
}
