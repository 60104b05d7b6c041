import type { Context } from 'hono';
import { Hono } from 'hono';
import { importRecords } from '../../../domain/imports/import-records.js';
import type { PersonMatch } from '../../../domain/imports/import-rosters.js';
import { IMPORT_KINDS, type ImportKind, templateCsv } from '../../../domain/imports/import-templates.js';
import { listImports } from '../../../domain/imports/list-imports.js';
import { templateXlsx, XLSX_TYPE } from '../../../domain/imports/write-xlsx.js';
import { actingWard } from '../../../domain/shared/acting-ward.js';
import { type FieldError, ValidationError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { contentDisposition } from '../../routes/attachments.routes.js';
import { importBodyLimit, TEMPLATE_PATH } from '../../routes/imports.routes.js';
import { TableWrap, TimeText } from '../components/common.js';
import { ChoiceGroup, Csrf, ErrorSummary, type FormValues, fieldId, fields } from '../components/form.js';
import { firstValue, readForm, refusal } from '../components/form-body.js';
import { mayDo, signedIn } from '../guard.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

// 既存記録の取込み: the templates, the upload form (check only, or import), the problems of a
// refused file by row and column, and the ward's imports so far. The same use cases as
// /api/v1/imports; the history's rules run in its SQL.

interface Outcome {
  values: FormValues;
  problems: FieldError[];
  /** A file-wide refusal or a conflict, shown in the summary only. */
  messages: string[];
  checked?: { rows: number; records: number; people?: PersonMatch[] };
  status: number;
}

/** A roster's dry run: which rows name a handler the contractor already has, which a new one. */
function PeopleTable({ p, people }: { p: PageCtx; people: PersonMatch[] }) {
  const t = p.t.imports;
  if (!people.length) return null;
  return (
    <section aria-labelledby="import-people">
      <h2 id="import-people">{t.peopleTitle}</h2>
      <TableWrap p={p} label={t.peopleTitle}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.row}</th>
              <th scope="col">{t.contractNumber}</th>
              <th scope="col">{t.fullName}</th>
              <th scope="col">{t.match}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr>
                <td>{person.row}</td>
                <td>{person.contractNumber}</td>
                <td>{person.fullName}</td>
                <td>{t.peopleMatch[person.match]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function ProblemTable({ p, problems }: { p: PageCtx; problems: FieldError[] }) {
  const t = p.t.imports;
  const byRow = problems.filter((e) => e.row !== undefined);
  if (!byRow.length) return null;
  return (
    <section aria-labelledby="import-problems">
      <h2 id="import-problems">{t.problems}</h2>
      <TableWrap p={p} label={t.problems}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.row}</th>
              <th scope="col">{t.column}</th>
              <th scope="col">{t.cell}</th>
              <th scope="col">{t.problem}</th>
            </tr>
          </thead>
          <tbody>
            {byRow.map((e) => (
              <tr>
                <td>{e.row}</td>
                <td>{e.column ?? '—'}</td>
                <td>{e.cell ?? '—'}</td>
                <td>{p.fieldMsg(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

async function showImports(c: Context<AppEnv>, outcome: Outcome) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  mayDo(c, 'create', 'Import', { wardId: actingWard(ctx.actor) });
  const t = p.t.imports;
  const history = await listImports(ctx, { limit: 50 });
  const f = fields({ kind: 'contracts', ...outcome.values }, [
    ...outcome.messages.map((text) => ({ field: 'file', text })),
    ...outcome.problems.map((e) => ({ text: p.fieldMsg(e) })),
  ]);
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <ErrorSummary p={p} f={f} />
      {outcome.checked && (
        <p class="notice" role="status">
          {t.checked(outcome.checked.rows, outcome.checked.records)}
        </p>
      )}
      <p>{t.intro}</p>
      <ul>
        <li>{t.order}</li>
        <li>{t.states}</li>
        <li>{t.formats}</li>
        <li>{t.pastNote}</li>
      </ul>
      <h2>{t.templates}</h2>
      <ul>
        {IMPORT_KINDS.map((kind) => (
          <li>
            {t.kinds[kind]}:{' '}
            <a href={`/imports/templates/${kind}.xlsx`} download>
              {t.templateXlsx}
              <span class="sr-only">（{t.kinds[kind]}）</span>
            </a>{' '}
            ／{' '}
            <a href={`/imports/templates/${kind}.csv`} download>
              {t.templateCsv}
              <span class="sr-only">（{t.kinds[kind]}）</span>
            </a>
          </li>
        ))}
      </ul>
      <form method="post" action="/imports" enctype="multipart/form-data" novalidate>
        <Csrf p={p} />
        <ChoiceGroup
          p={p}
          f={f}
          name="kind"
          legend={t.kind}
          type="radio"
          options={IMPORT_KINDS.map((kind) => ({ value: kind, label: t.kinds[kind]! }))}
        />
        <div class="field">
          <label for={fieldId('file')}>
            {t.file}
            <span class="req">{p.t.common.required}</span>
          </label>
          <span class="hint" id={`${fieldId('file')}-hint`}>
            {t.fileHint}
          </span>
          {f.errors('file').map((e) => (
            <p class="field-error" id={`${fieldId('file')}-error`}>
              {e}
            </p>
          ))}
          <input
            type="file"
            id={fieldId('file')}
            name="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${fieldId('file')}-hint${f.errors('file').length ? ` ${fieldId('file')}-error` : ''}`}
            aria-invalid={f.errors('file').length ? 'true' : undefined}
          />
        </div>
        <ChoiceGroup
          p={p}
          f={f}
          name="dryRun"
          legend={t.dryRun}
          options={[{ value: 'on', label: t.dryRun }]}
        />
        <button type="submit">{t.submit}</button>
      </form>
      <ProblemTable p={p} problems={outcome.problems} />
      {outcome.checked?.people && <PeopleTable p={p} people={outcome.checked.people} />}
      <h2>{t.history}</h2>
      {history.items.length === 0 ? (
        <p>{t.noHistory}</p>
      ) : (
        <TableWrap p={p} label={t.history}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.importedAt}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.fileName}</th>
                <th scope="col">{t.rowCount}</th>
                <th scope="col">{t.recordCount}</th>
                <th scope="col">{t.importedBy}</th>
              </tr>
            </thead>
            <tbody>
              {history.items.map((i) => (
                <tr>
                  <td>
                    <TimeText at={i.importedAt} />
                  </td>
                  <td>{t.kinds[i.kind]}</td>
                  <td>{i.fileName}</td>
                  <td>{i.rowCount}</td>
                  <td>{i.recordCount}</td>
                  <td>{i.importedByName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>,
    outcome.status,
  );
}

const empty: Outcome = { values: {}, problems: [], messages: [], status: 200 };

async function importAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const body = await c.req.parseBody();
  const values = await readForm(c);
  const kind = firstValue(values.kind) as ImportKind;
  const dryRun = firstValue(values.dryRun) === 'on';
  const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
  if (!IMPORT_KINDS.includes(kind) || !file) {
    return showImports(c, {
      ...empty,
      values,
      messages: [p.t.imports.chooseFile],
      status: 422,
    });
  }
  try {
    const summary = await importRecords(
      useCaseContext(c),
      kind,
      { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      { dryRun },
    );
    if (dryRun)
      return showImports(c, {
        ...empty,
        values,
        checked: { rows: summary.rowCount, records: summary.recordCount, people: summary.people },
      });
  } catch (error) {
    if (error instanceof ValidationError) {
      const byRow = error.errors.filter((e) => e.row !== undefined);
      return showImports(c, {
        values,
        problems: byRow,
        messages: byRow.length ? [] : error.errors.map((e) => p.fieldMsg(e)),
        status: 422,
      });
    }
    const refused = refusal(p, error);
    return showImports(c, {
      ...empty,
      values,
      messages: refused.errors.map((e) => e.text),
      status: refused.status,
    });
  }
  return redirectWithNotice(c, '/imports', 'imported');
}

/** /imports, its templates and its form. */
export function importPages() {
  const app = new Hono<AppEnv>();
  app.get('/imports', signedIn, (c) => showImports(c, empty));
  // The limit comes first: a huge body is refused (413) before sign-in reads it for the CSRF field.
  app.post('/imports', importBodyLimit, signedIn, importAction);
  app.get(`/imports/templates/${TEMPLATE_PATH}`, signedIn, (c) => {
    mayDo(c, 'create', 'Import', { wardId: actingWard(useCaseContext(c).actor) });
    const [kind, extension] = (c.req.param('file') ?? '').split('.') as [ImportKind, 'csv' | 'xlsx'];
    const name = `${pageCtx(c).t.imports.kinds[kind]}_template.${extension}`;
    if (extension === 'xlsx')
      return c.body(templateXlsx(kind), 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': contentDisposition(name),
      });
    return c.body(templateCsv(kind), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(name),
    });
  });
  return app;
}
