import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import { createHandler, listHandlers } from '../../../domain/handlers/manage-handlers.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { NewHandler } from '../../schemas/handlers.js';
import { DateText, Pager, TableWrap } from '../components/common.js';
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
import { zodErrors } from '../contracts/contract-form.js';
import { Layout } from '../layout.js';
import { pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/** 取扱者: the people of the viewer's company, with their latest pledge, and the form to add one. */
async function showList(c: Context<AppEnv>, values: FormValues, errors: FormError[], status = 200) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const page = await listHandlers(ctx, { cursor: c.req.query('cursor') || undefined, limit: 50 });
  const mayAdd = viewer.ability.can(
    'create',
    asSubject('Handler', { organisationId: viewer.actor.organisationId }),
  );
  const f = fields(values, errors);
  const t = p.t.handlers;
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      {page.items.length === 0 ? (
        <p>{p.t.common.empty}</p>
      ) : (
        <TableWrap p={p} label={t.list}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.fullName}</th>
                <th scope="col">{t.fullNameKana}</th>
                <th scope="col">{t.jobTitle}</th>
                <th scope="col">{t.latestPledge}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((h) => (
                <tr>
                  <td>
                    <a href={`/handlers/${h.id}`}>{h.fullName}</a>
                  </td>
                  <td>{h.fullNameKana ?? '—'}</td>
                  <td>{h.jobTitle ?? '—'}</td>
                  <td>
                    {h.pledges.length ? (
                      <DateText p={p} date={h.pledges.at(-1)!.signedOn} />
                    ) : (
                      p.t.handlerLists.noPledge
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pager p={p} nextCursor={page.nextCursor} />
      {mayAdd && (
        <section aria-labelledby="add-handler">
          <h2 id="add-handler">{t.add}</h2>
          <ErrorSummary p={p} f={f} />
          <form method="post" action="/handlers" novalidate>
            <Csrf p={p} />
            <TextField p={p} f={f} name="fullName" label={t.fullName} required autocomplete="off" />
            <TextField p={p} f={f} name="fullNameKana" label={t.fullNameKana} autocomplete="off" />
            <TextField p={p} f={f} name="jobTitle" label={t.jobTitle} autocomplete="off" />
            <button type="submit">{t.add}</button>
          </form>
        </section>
      )}
    </Layout>,
    status,
  );
}

export const handlerListPage = (c: Context<AppEnv>) => showList(c, {}, []);

export async function createHandlerAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const values = await readForm(c);
  const parsed = NewHandler.safeParse({
    fullName: str(values.fullName),
    fullNameKana: str(values.fullNameKana) || null,
    jobTitle: str(values.jobTitle) || null,
  });
  if (!parsed.success) {
    const errors = formErrors(p, zodErrors(parsed.error)).map((e) =>
      e.field && !str(values[e.field]) ? { ...e, text: p.t.contracts.blank } : e,
    );
    return showList(c, values, errors, 422);
  }
  try {
    const handler = await createHandler(useCaseContext(c), parsed.data);
    return redirectWithNotice(c, `/handlers/${handler.id}`, 'created');
  } catch (error) {
    const refused = refusal(p, error);
    return showList(c, values, refused.errors, refused.status);
  }
}
