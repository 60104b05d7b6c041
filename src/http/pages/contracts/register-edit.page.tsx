import type { Context } from 'hono';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import { type CatalogueItem, listCatalogue } from '../../../domain/registers/catalogue.js';
import { readRegister } from '../../../domain/registers/read-register.js';
import { saveRegister } from '../../../domain/registers/save-register.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { RegisterInputSchema } from '../../schemas/contracts.js';
import { TableWrap } from '../components/common.js';
import {
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  formErrors,
  TextField,
} from '../components/form.js';
import { readForm, refusal } from '../components/form-body.js';
import { mayDo } from '../guard.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { zodErrors } from './contract-form.js';
import { registerFromForm, registerValues, rowNumbers } from './register-form.js';
import { ItemRow, MediaRow } from './register-rows.js';

const BLANK_ROWS = 3;

/** Row numbers to show: those typed, then a few blank ones (more on request, kept as typed). */
function rowsToShow(values: FormValues, kind: 'item' | 'media', extra: number): number[] {
  const typed = rowNumbers(values, kind);
  const start = typed.length ? Math.max(...typed) + 1 : 0;
  return [...typed, ...Array.from({ length: extra }, (_, i) => start + i)];
}

async function showEditor(
  c: Context<AppEnv>,
  values: FormValues,
  errors: FormError[],
  extra = BLANK_ROWS,
  status = 200,
) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const contract = await getContract(ctx, c.req.param('id')!);
  mayDo(c, 'update', 'Contract', contract);
  const catalogue: CatalogueItem[] = await listCatalogue(ctx);
  const f = fields(values, errors);
  const t = p.t.register;
  const h = [t.group, t.item, t.direction, t.pastYearsShort, t.special, t.myNumberShort, t.approvalNoteShort];
  return sendPage(
    c,
    <Layout p={p} title={t.editTitle(contract.title)}>
      <ErrorSummary p={p} f={f} />
      <form method="post" action={`/contracts/${contract.id}/register/edit`} novalidate>
        <Csrf p={p} />
        <input type="hidden" name="baseRevision" value={f.value('baseRevision')} />
        <p>{t.baseRevision(Number(f.value('baseRevision')))}</p>
        <datalist id="catalogue">
          {catalogue.map((item) => (
            <option value={item.name} />
          ))}
        </datalist>
        <h2>{t.items}</h2>
        <p class="hint">
          {t.itemHint}{' '}
          <a href="/catalogue" target="_blank" rel="noopener">
            {p.t.catalogue.fromRegister}
          </a>
        </p>
        <TableWrap p={p} label={t.items}>
          <table id="items-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                {h.map((label) => (
                  <th scope="col">{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rowsToShow(values, 'item', extra).map((n) => (
                <ItemRow p={p} f={f} n={n} />
              ))}
            </tbody>
          </table>
        </TableWrap>
        <p class="hint">{p.t.common.moreRowsHint}</p>
        <p>
          <button type="submit" class="secondary" name="_more" value="item" data-add-row="items-table">
            {p.t.common.addRows}
          </button>
        </p>
        <h2>{t.media}</h2>
        <TableWrap p={p} label={t.media}>
          <table id="media-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t.mediaKind}</th>
                <th scope="col">{t.mediaName}</th>
              </tr>
            </thead>
            <tbody>
              {rowsToShow(values, 'media', extra).map((n) => (
                <MediaRow p={p} f={f} n={n} />
              ))}
            </tbody>
          </table>
        </TableWrap>
        <p>
          <button type="submit" class="secondary" name="_more" value="media" data-add-row="media-table">
            {p.t.common.addRows}
          </button>
        </p>
        <TextField p={p} f={f} name="note" label={t.note} />
        <div class="actions">
          <button type="submit">{p.t.common.save}</button>
          <a href={`/contracts/${contract.id}`}>{p.t.common.cancel}</a>
        </div>
      </form>
    </Layout>,
    status,
  );
}

/** 情報項目の登録・変更 (the editor, filled in from the register in force). */
export async function editRegisterPage(c: Context<AppEnv>) {
  const register = await readRegister(useCaseContext(c), c.req.param('id')!);
  return showEditor(c, { ...registerValues(register.document), baseRevision: String(register.revision) }, []);
}

export async function saveRegisterAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const values = await readForm(c);
  // Without scripts, "add rows" posts the form: show it again, longer, with everything kept.
  if (values._more) return showEditor(c, values, [], BLANK_ROWS + 5);
  const parsed = registerFromForm(p, values, await listCatalogue(ctx));
  const base = Number(values.baseRevision);
  const checked = RegisterInputSchema.safeParse({
    ...parsed.input,
    baseRevision: Number.isInteger(base) ? base : undefined,
  });
  if (!checked.success || parsed.errors.length) {
    const schema = checked.success ? [] : formErrors(p, zodErrors(checked.error), parsed.toField);
    return showEditor(c, values, [...parsed.errors, ...schema], BLANK_ROWS, 422);
  }
  try {
    await saveRegister(ctx, c.req.param('id')!, parsed.input, checked.data.baseRevision ?? -1);
    return redirectWithNotice(c, `/contracts/${c.req.param('id')}`, 'saved');
  } catch (error) {
    const refused = refusal(p, error, parsed.toField);
    return showEditor(c, values, refused.errors, BLANK_ROWS, refused.status);
  }
}
