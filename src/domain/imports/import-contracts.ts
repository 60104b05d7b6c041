import { asSubject } from '../../../policies/app-ability.js';
import type { ProcessingMode } from '../contracts/contract.repository.js';
import { findContract } from '../contracts/contract.repository.js';
import { contractWorkflow } from '../contracts/contract.workflow.js';
import { findOrganisation, linkCompanyToWard } from '../organisations/organisation.repository.js';
import { assignProvisions } from '../provisions/assign-provisions.js';
import type { Tx, UnitOfWork, UseCaseContext } from '../shared/context.js';
import type { FieldError } from '../shared/errors.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import {
  cellError,
  cellReader,
  type ImportedStatus,
  readChoice,
  readDate,
  readModes,
  readYen,
  readYesNo,
  type SheetRow,
  STATUS_WORDS,
  text,
} from './import-templates.js';
import { halfWidth } from './import-values.js';

// 委託契約の取込み. A contract comes in as the ward recorded it: 下書き (draft), 実施中 (active) or
// 完了 (closed). An imported 実施中 contract was approved and started on paper: it is active
// without a fresh approval, a register or an acknowledged list (those may follow by their own
// imports), and its 業務開始日 is kept as its start. 承認済（未着手） and 終了手続中 are steps of the
// product's own workflow and are not imported; neither are sub-contracts (再委託), which the
// contractor applies for in the product.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ContractPlan {
  row: number;
  contractNumber: string;
  title: string;
  departmentId: string;
  contractorOrgId: string;
  contractDate: string | null;
  periodFrom: string;
  periodTo: string;
  amountYen: number | null;
  place: string | null;
  handlesPersonalInfo: boolean;
  processingModes: ProcessingMode[];
  workDescription: string | null;
  status: ImportedStatus;
  startedOn: string | null;
}

/** Reads and checks the rows; every problem goes into `errors`, by row and column. */
export async function planContracts(
  ctx: UseCaseContext,
  tx: Tx,
  wardId: string,
  rows: SheetRow[],
  errors: FieldError[],
): Promise<ContractPlan[]> {
  const departments = new Map(
    (await tx.selectFrom('departments').select(['id', 'name']).where('ward_id', '=', wardId).execute()).map(
      (d) => [d.name, d.id],
    ),
  );
  const numbers = rows.map((r) => text(r, '契約番号')).filter(Boolean);
  const taken = new Set(
    numbers.length
      ? (
          await tx
            .selectFrom('contracts')
            .select('contract_number')
            .where('ward_id', '=', wardId)
            .where('contract_number', 'in', numbers)
            .execute()
        ).map((r) => r.contract_number)
      : [],
  );
  const seen = new Map<string, number>();
  const plans: ContractPlan[] = [];
  for (const row of rows) {
    const before = errors.length;
    const cell = cellReader(row, errors);
    const number = text(row, '契約番号');
    if (number && taken.has(number))
      errors.push(
        cellError(row.row, '契約番号', {
          en: `contract number ${number} is already registered`,
          ja: `契約番号「${number}」は既に登録されています`,
        }),
      );
    else if (number && seen.has(number))
      errors.push(
        cellError(row.row, '契約番号', {
          en: `the same contract number as row ${seen.get(number)}`,
          ja: `${seen.get(number)}行目と同じ契約番号です`,
        }),
      );
    seen.set(number, seen.get(number) ?? row.row);
    const departmentName = text(row, '所管課');
    const departmentId = departments.get(departmentName);
    if (departmentName && !departmentId)
      errors.push(
        cellError(row.row, '所管課', {
          en: 'not a department of this {self}',
          ja: 'この{self}の所管課ではありません',
        }),
      );
    const contractorOrgId = await findCompany(ctx, tx, row, errors);
    const contractDate = cell('契約日', readDate, null);
    const periodFrom = cell('契約期間（開始）', readDate);
    const periodTo = cell('契約期間（終了）', readDate);
    if (periodFrom && periodTo && periodFrom > periodTo)
      errors.push(
        cellError(row.row, '契約期間（終了）', {
          en: 'ends before it starts',
          ja: '契約期間の終了日が開始日より前です',
        }),
      );
    const status = cell('状態', (raw) => readChoice(raw, STATUS_WORDS));
    const startedOn = cell('業務開始日', readDate, null);
    if (status === 'draft' && startedOn)
      errors.push(
        cellError(row.row, '業務開始日', {
          en: 'a draft has not started: leave it empty or give the state 実施中 or 完了',
          ja: '下書きの契約は開始していません。空欄にするか、状態を「実施中」又は「完了」にしてください',
        }),
      );
    const plan = {
      row: row.row,
      contractNumber: number,
      title: text(row, '件名'),
      departmentId: departmentId!,
      contractorOrgId: contractorOrgId!,
      contractDate,
      periodFrom: periodFrom!,
      periodTo: periodTo!,
      amountYen: cell('契約金額', readYen, null),
      place: text(row, '履行場所') || null,
      handlesPersonalInfo: cell('個人情報の取扱い', readYesNo)!,
      processingModes: cell('処理の形態', readModes, [] as ProcessingMode[]),
      workDescription: text(row, '業務内容') || null,
      status: status!,
      startedOn: status && status !== 'draft' ? (startedOn ?? periodFrom!) : null,
    };
    if (errors.length === before) plans.push(plan);
  }
  return plans;
}

/**
 * The contractor by 法人番号 (13 digits) or by the id the product shows. Only a company known to
 * the ward (one its officer may read): another ward's company is refused like an unknown one.
 */
async function findCompany(
  ctx: UseCaseContext,
  tx: Tx,
  row: SheetRow,
  errors: FieldError[],
): Promise<string | undefined> {
  const column = '受託者（法人番号又はID）';
  const raw = halfWidth(row.cells[column] ?? '');
  if (!raw) return undefined;
  let id: string | undefined;
  if (/^\d{13}$/.test(raw)) {
    id = (
      await tx
        .selectFrom('organisations')
        .select('id')
        .where('corporate_number', '=', raw)
        .where('kind', '=', 'company')
        .executeTakeFirst()
    )?.id;
  } else if (UUID.test(raw)) id = raw.toLowerCase();
  const org = id ? await findOrganisation(tx, id) : undefined;
  if (org?.kind === 'company' && ctx.ability.can('read', asSubject('Organisation', org))) return org.id;
  errors.push(
    cellError(row.row, column, {
      en: 'not a company registered with this {self} (give its 13-digit corporate number or its id)',
      ja: 'この{self}に登録されている事業者ではありません（13桁の法人番号又はIDを入力してください）',
    }),
  );
  return undefined;
}

/** A date of the ward's records as an instant: the start of that day in Japan. */
export function japanMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+09:00`);
}

export async function writeContracts(
  ctx: UseCaseContext,
  uow: UnitOfWork,
  wardId: string,
  importId: string,
  plans: ContractPlan[],
): Promise<number> {
  const now = ctx.now();
  for (const plan of plans) {
    const row = await uow.tx
      .insertInto('contracts')
      .values({
        ward_id: wardId,
        department_id: plan.departmentId,
        contractor_org_id: plan.contractorOrgId,
        title: plan.title,
        contract_number: plan.contractNumber,
        contract_date: plan.contractDate,
        period_from: plan.periodFrom,
        period_to: plan.periodTo,
        amount_yen: plan.amountYen,
        place: plan.place,
        handles_personal_info: plan.handlesPersonalInfo,
        processing_modes: plan.processingModes,
        work_description: plan.workDescription,
        ward_measures: JSON.stringify({ operational: [], system: [] }),
        contractor_measures: JSON.stringify({ operational: [], system: [] }),
        ...machineColumns(contractWorkflow),
        status: plan.status,
        started_at: plan.startedOn ? japanMidnight(plan.startedOn) : null,
        created_by: ctx.actor.userId,
        imported_at: now,
        import_id: importId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await linkCompanyToWard(uow.tx, wardId, plan.contractorOrgId);
    await assignProvisions(uow.tx, { wardId, contractId: row.id }, ctx.actor.userId, now);
    await uow.audit({
      wardId,
      action: 'contract.import',
      subjectType: 'Contract',
      subjectId: row.id,
      after: { importId, row: plan.row, contract: await findContract(uow.tx, row.id) },
    });
  }
  return plans.length;
}
