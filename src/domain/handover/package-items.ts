import { findRegisterRevision } from '../registers/register.repository.js';
import { DIRECTION_JA, itemIdentity } from '../registers/register-document.js';
import type { Tx, UseCaseContext } from '../shared/context.js';
import { type FieldError, ValidationError } from '../shared/errors.js';
import type { PackageItem } from './package.repository.js';

/**
 * Data items must be within the contract's register (情報項目) as it stands now: a package, or an
 * erasure record, may not speak of data the contract was never allowed to hold. Names the items
 * outside it, and items listed twice.
 */
export async function checkItemsInRegister(
  db: Tx | UseCaseContext['db'],
  contract: { wardId: string; id: string; title: string },
  items: PackageItem[],
  path = 'items',
): Promise<void> {
  const register = await findRegisterRevision(db, contract.wardId, contract.id);
  const known = new Set(
    register.document.subjectGroups.flatMap((g) => g.items.map((i) => itemIdentity(g.name, i))),
  );
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const id = itemIdentity(item.subjectGroup, item);
    const label = `${item.subjectGroup}の「${item.name}」（${DIRECTION_JA[item.direction]}）`;
    if (!known.has(id)) {
      errors.push({
        path: `${path}.${i}`,
        message: `${item.subjectGroup}: ${item.name} (${item.direction}) is not in the register of ${contract.title}`,
        message_ja: `${label}は契約「${contract.title}」の情報項目に含まれていません`,
      });
    } else if (seen.has(id)) {
      errors.push({
        path: `${path}.${i}`,
        message: `${item.subjectGroup}: ${item.name} (${item.direction}) is listed twice`,
        message_ja: `${label}が重複しています`,
      });
    }
    seen.add(id);
  });
  if (errors.length) {
    throw new ValidationError(
      {
        en: `${errors.length} data item(s) are not within the contract's register`,
        ja: `${errors.length}件の情報項目が契約の情報項目の範囲外か重複しています`,
      },
      errors,
    );
  }
}
