import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  addCatalogueItem,
  CATALOGUE_SORT_KEYS,
  type CatalogueItem,
  listCatalogue,
} from '../../../domain/registers/catalogue.js';
import { SPECIAL_CATEGORIES, type SpecialCategory } from '../../../domain/registers/register-document.js';
import { ForbiddenError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { TableWrap } from '../components/common.js';
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
import { listHref, SortableHeading, sortFromQuery } from '../components/sortable.js';
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

function Table({ p, items }: { p: PageCtx; items: CatalogueItem[] }) {
  const t = p.t.catalogue;
  const sort = sortFromQuery(p.url, CATALOGUE_SORT_KEYS);
  const col = t.columns;
  return (
    <TableWrap p={p} label={t.title}>
      <table class="cards">
        <thead>
          <tr>
            <SortableHeading p={p} label={col.code} column="code" sort={sort} />
            <SortableHeading p={p} label={col.name} column="name" sort={sort} />
            <th scope="col">{col.nameEn}</th>
            <SortableHeading p={p} label={col.special} column="special" sort={sort} />
            <SortableHeading p={p} label={col.myNumber} column="myNumber" sort={sort} />
            <SortableHeading p={p} label={col.origin} column="origin" sort={sort} />
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr id={`item-${i.code}`}>
              <td data-label={col.code}>
                <code>{i.code}</code>
              </td>
              <td data-label={col.name}>{i.name}</td>
              <td data-label={col.nameEn}>{i.nameEn}</td>
              <td data-label={col.special}>
                {i.specialCategory ? (p.t.register.specials[i.specialCategory] ?? i.specialCategory) : t.no}
              </td>
              <td data-label={col.myNumber}>{i.myNumber ? t.yes : t.no}</td>
              <td data-label={col.origin}>{t.origins[i.standard ? 'standard' : 'own']}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

async function showList(
  c: Context<AppEnv>,
  added?: { values: FormValues; errors: FormError[]; status: number },
) {
  mayRead(c);
  const p = pageCtx(c);
  const t = p.t.catalogue;
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const sort = sortFromQuery(p.url, CATALOGUE_SORT_KEYS);
  const items = await listCatalogue(useCaseContext(c), { q: q || undefined, sort });
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <ErrorSummary p={p} f={fields({}, added?.errors ?? [])} />
      <p>{t.intro}</p>
      {mayAdd(c) && <AddForm p={p} values={added?.values ?? {}} errors={added?.errors ?? []} />}
      <section aria-labelledby="catalogue-list">
        <h2 id="catalogue-list">{t.title}</h2>
        <form method="get" action="/catalogue" class="filters">
          {sort && <input type="hidden" name="sort" value={sort.key} />}
          {sort && <input type="hidden" name="dir" value={sort.dir} />}
          <div class="field">
            <label for="f-q">{t.filter}</label>
            <input id="f-q" name="q" type="search" value={q} maxlength={100} />
          </div>
          <div class="actions">
            <button type="submit" class="secondary">
              {t.filterButton}
            </button>
            {q && <a href={listHref(p.url, { q: undefined })}>{t.clear}</a>}
          </div>
        </form>
        <p role="status">{t.count(items.length)}</p>
        {items.length ? <Table p={p} items={items} /> : <p>{t.empty}</p>}
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

/** 情報項目の候補: the list and the form to add an item of the ward's own. */
export function cataloguePages() {
  const app = new Hono<AppEnv>();
  app.get('/catalogue', signedIn, (c) => showList(c));
  app.post('/catalogue', signedIn, addAction);
  return app;
}
