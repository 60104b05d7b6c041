import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError } from '../shared/errors.js';
import type { SpecialCategory } from './register-document.js';

export interface CatalogueItem {
  code: string;
  name: string;
  nameEn: string;
  specialCategory: SpecialCategory | null;
  myNumber: boolean;
  source: string | null;
  /** From the source documents, shared by every ward; otherwise the ward's own addition. */
  standard: boolean;
}

/** The standard items and the actor's ward's own additions, to pick from in a register. */
export async function listCatalogue(ctx: UseCaseContext): Promise<CatalogueItem[]> {
  const wardId = ctx.actor.wardId;
  const rows = await ctx.db
    .selectFrom('data_item_catalogue')
    .select(['code', 'name', 'name_en', 'special_category', 'my_number', 'source', 'ward_id'])
    .where((eb) =>
      wardId ? eb.or([eb('ward_id', 'is', null), eb('ward_id', '=', wardId)]) : eb('ward_id', 'is', null),
    )
    .orderBy('created_at')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    specialCategory: r.special_category,
    myNumber: r.my_number,
    source: r.source,
    standard: r.ward_id === null,
  }));
}

/** A ward adds an item of its own to the catalogue (the standard items stay as they are). */
export async function addCatalogueItem(
  ctx: UseCaseContext,
  input: {
    code: string;
    name: string;
    nameEn: string;
    specialCategory?: SpecialCategory | null;
    myNumber?: boolean;
  },
): Promise<CatalogueItem> {
  const wardId = ctx.actor.wardId;
  authorize(ctx.ability, 'create', 'DataItemCatalogue', { wardId });
  return inTransaction(ctx, async ({ tx, audit }) => {
    const clash = await tx
      .selectFrom('data_item_catalogue')
      .select('code')
      .where('code', '=', input.code)
      .where((eb) => eb.or([eb('ward_id', 'is', null), eb('ward_id', '=', wardId)]))
      .executeTakeFirst();
    if (clash)
      throw new ConflictError({
        en: `Item code ${input.code} exists already`,
        ja: `項目コード「${input.code}」は既に存在します`,
      });
    await tx
      .insertInto('data_item_catalogue')
      .values({
        ward_id: wardId,
        code: input.code,
        name: input.name,
        name_en: input.nameEn,
        special_category: input.specialCategory ?? null,
        my_number: input.myNumber ?? false,
        source: 'ward',
      })
      .execute();
    const item: CatalogueItem = {
      code: input.code,
      name: input.name,
      nameEn: input.nameEn,
      specialCategory: input.specialCategory ?? null,
      myNumber: input.myNumber ?? false,
      source: 'ward',
      standard: false,
    };
    await audit({
      wardId,
      action: 'catalogue.add',
      subjectType: 'DataItemCatalogue',
      subjectId: input.code,
      after: item,
    });
    return item;
  });
}
