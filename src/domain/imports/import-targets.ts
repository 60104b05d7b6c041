import { type Contract, toContract } from '../contracts/contract.repository.js';
import type { Tx } from '../shared/context.js';
import type { FieldError, Message } from '../shared/errors.js';
import { cellError, type SheetRow, text } from './import-templates.js';

/**
 * The contracts a register or roster file names by 契約番号, in the importing ward only (another
 * ward's number reads as unknown), locked for the transaction so that nothing changes them between
 * the check and the write. `refuse` says why a found contract cannot take this import.
 */
export async function findContractsByNumber(
  tx: Tx,
  wardId: string,
  rows: SheetRow[],
  errors: FieldError[],
  refuse: (contract: Contract) => Message | null,
): Promise<Map<string, Contract>> {
  const numbers = [...new Set(rows.map((r) => text(r, '契約番号')).filter(Boolean))];
  const found = numbers.length
    ? await tx
        .selectFrom('contracts')
        .selectAll()
        .where('ward_id', '=', wardId)
        .where('contract_number', 'in', numbers)
        .orderBy('id')
        .forUpdate()
        .execute()
    : [];
  const byNumber = new Map(found.map((r) => [r.contract_number!, toContract(r)]));
  const usable = new Map<string, Contract>();
  for (const row of rows) {
    const number = text(row, '契約番号');
    if (!number) continue;
    const contract = byNumber.get(number);
    const reason = contract
      ? refuse(contract)
      : {
          en: `no contract numbered ${number} in this {self} (import the contracts first)`,
          ja: `契約番号「${number}」の契約はこの{self}にありません（先に委託契約を取り込んでください）`,
        };
    if (reason) errors.push(cellError(row.row, '契約番号', reason));
    else usable.set(number, contract!);
  }
  return usable;
}
