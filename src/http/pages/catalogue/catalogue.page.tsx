import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  addCatalogueItem,
  CATALOGUE_SORT_KEYS,
  type CatalogueItem,
  type CatalogueSortKey,
  listCatalogue,
} from '../../../domain/registers/catalogue.js';
import { SPECIAL_CATEGORIES, type SpecialCategory } from '../../../domain/registers/register-document.js';
import { ForbiddenError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { csvResponse } from '../components/csv-export.js';
import {
  ChoiceGroup,
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  SelectField,
  TextField,
} from '../components/form.js';
import { firstValue, readForm, refusal } from '../components/form-body.js';
import { ListFilters, wordsQuery } from '../components/list-filters.js';
import { csvLines, type ListColumn, ListTable } from '../components/list-table.js';
import { sortFromQuery } from '../components/sortable.js';
import { can, signedIn } from '../guard.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

// 情報項目の候補: the data-item catalogue a register is built from (GET /api/v1/data-item-catalogue)
// — the standard items and the ward's own — filtered and sorted in its SQL, and the form to add an
// item of the ward's own (POST) for those the policy lets create one.

const FIELDS = ['code', 'name', 'nameEn', 'special', 'myNumber'] as const;
const CODE = /^[a-z0-9_]{1,50}$/;

/** Ward staff and council reviewers, who read the ward's contracts and their registers. */
function mayRead(c: Context<AppEnv>) {
  const wardId = c.get('auth').actor.wardId;
  if (!wardId || !can(c, 'read', 'Contract', { wardId }))
    throw new ForbiddenError({
      en: "The catalogue is read by the {self}'s staff",
      ja: '情報項目の候補は{self}の職員のみ参照できます',
    });
}

const mayAdd = (c: Context<AppEnv>) =>
  can(c, 'create', 'DataItemCatalogue', { wardId: c.get('auth').actor.wardId });

function AddForm({ p, values, errors }: { p: PageCtx; values: FormValues; errors: FormError[] }) {
  const t = p.t.catalogue.add;
  const f = fields(values, errors);
  return (
    <section aria-labelledby="catalogue-add">
      <h2 id="catalogue-add">{t.title}</h2>
      <form method="post" action="/catalogue" novalidate>
        <Csrf p={p} />
        <TextField p={p} f={f} name="code" label={t.code} hint={t.codeHint} autocomplete="off" required />
        <TextField p={p} f={f} name="name" label={t.name} required />
        <TextField p={p} f={f} name="nameEn" label={t.nameEn} required />
        <SelectField
          p={p}
          f={f}
          name="special"
          label={t.special}
          options={SPECIAL_CATEGORIES.map((k) => ({ value: k, label: p.t.register.specials[k] ?? k }))}
          blank={p.t.register.specials['']}
        />
        <ChoiceGroup
          p={p}
          f={f}
          name="myNumber"
          legend={p.t.catalogue.columns.myNumber}
          options={[{ value: 'on', label: t.myNumber }]}
        />
        <div class="actions">
          <button type="submit">{t.submit}</button>
        </div>
      </form>
    </section>
  );
}

/** A catalogue item's columns, on the page and in the CSV. */
function catalogueColumns(p: PageCtx): ListColumn<CatalogueItem, CatalogueSortKey>[] {
  const t = p.t.catalogue;
  const col = t.columns;
  const special = (i: CatalogueItem) =>
    i.specialCategory ? (p.t.register.specials[i.specialCategory] ?? i.specialCategory) : t.no;
  const origin = (i: CatalogueItem) => t.origins[i.standard ? 'standard' : 'own'];
  return [
    { label: col.code, sort: 'code', cell: (i) => <code>{i.code}</code>, csv: (i) => i.code },
    { label: col.name, sort: 'name', cell: (i) => i.name, csv: (i) => i.name },
    { label: col.nameEn, cell: (i) => i.nameEn, csv: (i) => i.nameEn },
    { label: col.special, sort: 'special', cell: special, csv: special },
    {
      label: col.myNumber,
      sort: 'myNumber',
      cell: (i) => (i.myNumber ? t.yes : t.no),
      csv: (i) => (i.myNumber ? t.yes : t.no),
    },
    { label: col.origin, sort: 'origin', cell: origin, csv: origin },
  ];
}

/** The list's words and order, as the page and its CSV read them. */
function listQuery(url: URL) {
  return { q: wordsQuery(url), sort: sortFromQuery(url, CATALOGUE_SORT_KEYS) };
}

async function showList(
  c: Context<AppEnv>,
  added?: { values: FormValues; errors: FormError[]; status: number },
) {
  mayRead(c);
  const p = pageCtx(c);
  const t = p.t.catalogue;
  const { q, sort } = listQuery(p.url);
  const items = await listCatalogue(useCaseContext(c), { q, sort });
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <ErrorSummary p={p} f={fields({}, added?.errors ?? [])} />
      <p>{t.intro}</p>
      {mayAdd(c) && <AddForm p={p} values={added?.values ?? {}} errors={added?.errors ?? []} />}
      <section aria-labelledby="catalogue-list">
        <h2 id="catalogue-list">{t.title}</h2>
        <ListFilters
          p={p}
          action="/catalogue"
          sort={sort}
          q={q}
          qLabel={t.filter}
          csv="/catalogue/export.csv"
        />
        <p role="status">{t.count(items.length)}</p>
        {items.length ? (
          <ListTable
            p={p}
            label={t.title}
            items={items}
            columns={catalogueColumns(p)}
            sort={{ current: sort }}
            rowId={(i) => `item-${i.code}`}
          />
        ) : (
          <p>{t.empty}</p>
        )}
      </section>
    </Layout>,
    added?.status ?? 200,
  );
}

async function addAction(c: Context<AppEnv>) {
  mayRead(c);
  const p = pageCtx(c);
  const t = p.t.catalogue.add;
  const raw = await readForm(c);
  const values: FormValues = Object.fromEntries(FIELDS.map((k) => [k, firstValue(raw[k]).trim()]));
  const v = (k: (typeof FIELDS)[number]) => values[k] as string;
  const errors: FormError[] = [];
  if (!CODE.test(v('code'))) errors.push({ field: 'code', text: t.required.code });
  if (!v('name') || v('name').length > 200) errors.push({ field: 'name', text: t.required.name });
  if (!v('nameEn') || v('nameEn').length > 200) errors.push({ field: 'nameEn', text: t.required.nameEn });
  const special = SPECIAL_CATEGORIES.find((k) => k === v('special')) as SpecialCategory | undefined;
  if (errors.length) return showList(c, { values, errors, status: 422 });
  try {
    await addCatalogueItem(useCaseContext(c), {
      code: v('code'),
      name: v('name'),
      nameEn: v('nameEn'),
      specialCategory: special ?? null,
      myNumber: v('myNumber') === 'on',
    });
  } catch (error) {
    return showList(c, { values, ...refusal(p, error) });
  }
  return redirectWithNotice(c, `/catalogue?q=${encodeURIComponent(v('code'))}`, 'created');
}

/** The catalogue with the list's words and order as CSV for Excel. */
async function catalogueCsv(c: Context<AppEnv>) {
  mayRead(c);
  const p = pageCtx(c);
  const items = await listCatalogue(useCaseContext(c), listQuery(p.url));
  return csvResponse(c, p, csvLines(catalogueColumns(p), items), false, {
    ascii: 'data-item-catalogue.csv',
    ja: '情報項目の候補.csv',
  });
}

/** 情報項目の候補: the list, its CSV, and the form to add an item of the ward's own. */
export function cataloguePages() {
  const app = new Hono<AppEnv>();
  app.get('/catalogue', signedIn, (c) => showList(c));
  app.get('/catalogue/export.csv', signedIn, catalogueCsv);
  app.post('/catalogue', signedIn, addAction);
  return app;
}
