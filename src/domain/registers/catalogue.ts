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

/** The columns the catalogue page sorts by. */
export const CATALOGUE_SORT_KEYS = ['code', 'name', 'special', 'myNumber', 'origin'] as const;
export type CatalogueSortKey = (typeof CATALOGUE_SORT_KEYS)[number];

const SORT_COLUMNS = {
  code: 'code',
  name: 'name',
  special: 'special_category',
  myNumber: 'my_number',
  // standard items (no ward) first when ascending
  origin: 'ward_id',
} as const;

export interface CatalogueQuery {
  /** Text in the code or either name. */
  q?: string;
  sort?: { key: CatalogueSortKey; dir: 'asc' | 'desc' };
}

/**
 * The standard items and the actor's ward's own additions, to pick from in a register; the filter
 * and the order run in the SQL (by default the order the items were added in).
 */
export async function listCatalogue(
  ctx: UseCaseContext,
  query: CatalogueQuery = {},
): Promise<CatalogueItem[]> {
  const wardId = ctx.actor.wardId;
  let q = ctx.db
    .selectFrom('data_item_catalogue')
    .select(['code', 'name', 'name_en', 'special_category', 'my_number', 'source', 'ward_id'])
    .where((eb) =>
      wardId ? eb.or([eb('ward_id', 'is', null), eb('ward_id', '=', wardId)]) : eb('ward_id', 'is', null),
    );
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('code', 'ilike', pattern), eb('name', 'ilike', pattern), eb('name_en', 'ilike', pattern)]),
    );
  }
  if (query.sort) {
    const { key, dir } = query.sort;
    q = q.orderBy(SORT_COLUMNS[key], (ob) => (dir === 'asc' ? ob.asc().nullsFirst() : ob.desc().nullsLast()));
  }
  const rows = await q.orderBy('created_at').orderBy('code').execute();
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
