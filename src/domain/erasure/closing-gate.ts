import type { Blocker } from '../../../workflows/contract-lifecycle/contract-lifecycle.machine.js';
import { PACKAGE_STATE_JA, type PackageState, SETTLED } from '../../../workflows/custody/custody.machine.js';
import type { Contract } from '../contracts/contract.repository.js';
import type { Gate } from '../contracts/contract-gates.js';
import type { PackageItem } from '../handover/package.repository.js';
import { findRegisterRevision } from '../registers/register.repository.js';
import { DIRECTION_JA, itemIdentity } from '../registers/register-document.js';
import type { Tx } from '../shared/context.js';
import type { ErasedItem } from './erasure-terms.js';

// The closing gate (001 4.1.2, 002 特記事項11, 003 特記事項14–15 and 丙12–13): a contract closes only
// when, in it and in every sub-contract below it, each package is returned (and its hash checked)
// or erased, each register item's data has an erasure or return record, and each organisation has
// certified its erasure at contract end. Closing the contract also ends its sub-contracts (再委託は
// 委託とともに終了する), so their data is checked here too. Each blocker says exactly what is missing.

interface ChainContract {
  id: string;
  title: string;
  contractorOrgId: string;
  contractorName: string;
}

/** The contract and every sub-contract below it that ever started (one that never started held no data). */
async function chainOf(tx: Tx, contract: Contract): Promise<ChainContract[]> {
  const found: ChainContract[] = [];
  let level = [contract.id];
  let first = true;
  while (level.length) {
    const rows = await tx
      .selectFrom('contracts')
      .innerJoin('organisations', 'organisations.id', 'contracts.contractor_org_id')
      .select(['contracts.id', 'contracts.title', 'contracts.contractor_org_id', 'organisations.name'])
      .where('contracts.ward_id', '=', contract.wardId)
      .where(first ? 'contracts.id' : 'contracts.parent_contract_id', 'in', level)
      .where('contracts.handles_personal_info', '=', true)
      .where((eb) => (first ? eb.val(true) : eb('contracts.started_at', 'is not', null)))
      .orderBy('contracts.created_at')
      .execute();
    found.push(
      ...rows.map((r) => ({
        id: r.id,
        title: r.title,
        contractorOrgId: r.contractor_org_id,
        contractorName: r.name,
      })),
    );
    level = rows.map((r) => r.id);
    first = false;
  }
  return found;
}

function packageBlocker(c: ChainContract, p: { id: string; title: string; status: PackageState }): Blocker {
  const returned = p.status === 'returned';
  return {
    code: returned ? 'package-hash-unchecked' : 'package-outstanding',
    en: returned
      ? `Package "${p.title}" (${p.id}) of ${c.title} was returned but the {self} has not checked its hash`
      : `Package "${p.title}" (${p.id}) of ${c.title} is neither returned nor erased (now ${p.status})`,
    ja: returned
      ? `受渡データ「${p.title}」（${p.id}、${c.title}）は返却されましたが、{self}によるハッシュ確認が済んでいません`
      : `受渡データ「${p.title}」（${p.id}、${c.title}）が返却も消去もされていません（現在：${PACKAGE_STATE_JA[p.status]}）`,
  };
}

async function blockersFor(tx: Tx, wardId: string, c: ChainContract): Promise<Blocker[]> {
  const blockers: Blocker[] = [];
  const packages = await tx
    .selectFrom('handover_packages')
    .select(['id', 'title', 'status', 'items'])
    .where('ward_id', '=', wardId)
    .where('contract_id', '=', c.id)
    .orderBy('prepared_at')
    .execute();
  for (const p of packages) if (!SETTLED.includes(p.status)) blockers.push(packageBlocker(c, p));

  const certified = await tx
    .selectFrom('erasure_records')
    .select(['items', 'scope', 'organisation_id'])
    .where('ward_id', '=', wardId)
    .where('contract_id', '=', c.id)
    .where('status', '=', 'certified')
    .execute();
  // An item's data is accounted for by a certified record listing it (erased or returned), or by
  // a package containing it that came back to the ward with its hash checked.
  const covered = new Set<string>();
  for (const r of certified)
    for (const i of r.items as ErasedItem[]) covered.add(itemIdentity(i.subjectGroup, i));
  for (const p of packages.filter((p) => p.status === 'verified'))
    for (const i of p.items as PackageItem[]) covered.add(itemIdentity(i.subjectGroup, i));

  const register = await findRegisterRevision(tx, wardId, c.id);
  for (const group of register.document.subjectGroups) {
    for (const direction of ['collected', 'provided'] as const) {
      const missing = group.items.filter(
        (i) => i.direction === direction && !covered.has(itemIdentity(group.name, i)),
      );
      if (!missing.length) continue;
      blockers.push({
        code: 'item-not-disposed',
        en: `${c.title}: no erasure or return record for the data of ${group.name} (${direction}): ${missing.map((i) => i.name).join(', ')}`,
        ja: `${c.title}：${group.name}（${DIRECTION_JA[direction]}）の${missing.map((i) => `「${i.name}」`).join('')}のデータに消去又は返還の記録がありません`,
      });
    }
  }

  const finalCertificate = certified.some(
    (r) => r.scope === 'contract_end' && r.organisation_id === c.contractorOrgId,
  );
  if (!finalCertificate) {
    blockers.push({
      code: 'erasure-not-certified',
      en: `${c.contractorName} has not certified the erasure for ${c.title} at contract end (no erasure certificate)`,
      ja: `${c.contractorName}が「${c.title}」の業務終了時の消去証明書を提出していません`,
    });
  }
  return blockers;
}

/** Gate for CLOSE (contract-gates.ts). */
export const erasureCertifiedGate: Gate = async (tx, contract) => {
  if (!contract.handlesPersonalInfo) return [];
  const blockers: Blocker[] = [];
  for (const c of await chainOf(tx, contract)) blockers.push(...(await blockersFor(tx, contract.wardId, c)));
  return blockers;
};
