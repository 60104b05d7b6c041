import { asSubject } from '../../../policies/app-ability.js';
import { findOrganisation } from '../organisations/organisation.repository.js';
import type { Tx, UnitOfWork, UseCaseContext } from '../shared/context.js';
import { type FieldError, ValidationError } from '../shared/errors.js';

/**
 * 再委託先 as an application names it: a company the contractor already works with, by its id; or
 * a company by its corporate number (法人番号, published by the National Tax Agency, so naming one
 * tells nobody anything), which is the registered company of that number, else a new one.
 */
export type SubcontractorChoice =
  | { organisationId: string }
  | { name: string; corporateNumber?: string | null; address?: string | null };

const UNKNOWN_COMPANY: FieldError = {
  path: 'subcontractor.organisationId',
  message:
    'no company you work with has this id; name a new sub-contractor by its corporate number (法人番号)',
  message_ja: 'この組織IDの取引先事業者はありません。新しい再委託先は法人番号で指定してください',
};

/**
 * The id of the company an application names. An id the contractor may not read (a company known
 * only to other wards, one it does not work with, a ward) is refused exactly like an id that does
 * not exist: otherwise the draft would show the ward — and through it the contractor — a company
 * it had no business knowing.
 */
export async function nameSubcontractor(
  ctx: UseCaseContext,
  { tx, audit }: Pick<UnitOfWork, 'tx' | 'audit'>,
  wardId: string,
  choice: SubcontractorChoice,
): Promise<string> {
  if ('organisationId' in choice) {
    const org = await findOrganisation(tx, choice.organisationId);
    if (org?.kind !== 'company' || !ctx.ability.can('read', asSubject('Organisation', org))) {
      throw new ValidationError(
        { en: 'The sub-contracting application is refused', ja: '再委託の申請は受け付けられません' },
        [UNKNOWN_COMPANY],
      );
    }
    return org.id;
  }
  if (choice.corporateNumber) {
    const numbered = await companyNumbered(tx, choice.corporateNumber);
    if (numbered) return numbered;
  }
  const created = await tx
    .insertInto('organisations')
    .values({
      kind: 'company',
      name: choice.name,
      corporate_number: choice.corporateNumber ?? null,
      address: choice.address ?? null,
      settings: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit({
    wardId,
    action: 'organisation.create',
    subjectType: 'Organisation',
    subjectId: created.id,
    after: choice,
  });
  return created.id;
}

/** The registered company with this corporate number (the oldest, should there be two). */
async function companyNumbered(tx: Tx, corporateNumber: string): Promise<string | undefined> {
  const row = await tx
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', 'company')
    .where('corporate_number', '=', corporateNumber)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}
