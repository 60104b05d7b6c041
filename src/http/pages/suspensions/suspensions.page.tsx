import type { Context } from 'hono';
import { Hono } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import {
  inForce,
  liftSuspension,
  listSuspensions,
  type Suspension,
} from '../../../domain/approvals/suspensions.js';
import { ForbiddenError } from '../../../domain/shared/errors.js';
import { toJapanDate } from '../../../domain/shared/japan-date.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { DateText, TableWrap } from '../components/common.js';
import {
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  TextArea,
  TextField,
} from '../components/form.js';
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

// 指名停止: the ward's suspension list, and lifting a suspension early (解除) with its day and
// reason. The same use cases as /api/v1/suspensions; the rules run in their SQL and checks.

type Failed = { id: string; values: FormValues; errors: FormError[]; status: number };

function stateOf(p: PageCtx, s: Suspension, today: string): string {
  const t = p.t.suspensions.states;
  if (s.liftedOn) return t.lifted(s.liftedOn);
  if (inForce(s, today)) return t.inForce;
  return s.suspendedFrom > today ? t.scheduled : t.ended;
}

function LiftForm({ p, s, failed }: { p: PageCtx; s: Suspension; failed?: Failed }) {
  const t = p.t.suspensions;
  const prefix = `s${s.id}`;
  const f = fields(failed?.id === s.id ? failed.values : {}, failed?.id === s.id ? failed.errors : []);
  return (
    <form method="post" action={`/suspensions/${s.id}/lift`} novalidate>
      <Csrf p={p} />
      <input type="hidden" name="version" value={String(s.version)} />
      <TextField
        p={p}
        f={f}
        name={`${prefix}.liftedOn`}
        label={t.liftedOn}
        hint={t.liftedOnHint}
        type="date"
        required
      />
      <TextArea p={p} f={f} name={`${prefix}.reason`} label={t.liftReason} rows={2} required />
      <div class="actions">
        <button type="submit" class="danger" data-confirm={t.confirmLift}>
          {t.liftButton}
        </button>
      </div>
    </form>
  );
}

async function showList(c: Context<AppEnv>, failed?: Failed) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  if (!ctx.ability.can('read', 'Suspension')) {
    throw new ForbiddenError({
      en: 'You may not read the suspension list',
      ja: '指名停止の一覧を閲覧する権限がありません',
    });
  }
  const t = p.t.suspensions;
  const list = await listSuspensions(ctx);
  const names = await organisationNames(ctx, [...new Set(list.map((s) => s.companyId))]);
  const today = toJapanDate(ctx.now());
  const summary = fields({}, failed?.errors ?? []);
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <ErrorSummary p={p} f={summary} />
      <p>{t.intro}</p>
      {list.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <TableWrap p={p} label={t.title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.columns.company}</th>
                <th scope="col">{t.columns.period}</th>
                <th scope="col">{t.columns.reason}</th>
                <th scope="col">{t.columns.state}</th>
                <th scope="col">{t.columns.lift}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => {
                const mayLift =
                  !s.liftedOn &&
                  (s.suspendedTo === null || s.suspendedTo >= today) &&
                  ctx.ability.can('update', asSubject('Suspension', s));
                return (
                  <tr id={`suspension-${s.id}`}>
                    <td>{names.get(s.companyId) ?? s.companyId}</td>
                    <td>
                      <DateText p={p} date={s.suspendedFrom} /> ～{' '}
                      {s.suspendedTo ? <DateText p={p} date={s.suspendedTo} /> : t.open}
                    </td>
                    <td>{s.reason}</td>
                    <td>
                      {stateOf(p, s, today)}
                      {s.liftReason ? <p class="hint">{t.liftedReason(s.liftReason)}</p> : null}
                    </td>
                    <td>{mayLift ? <LiftForm p={p} s={s} failed={failed} /> : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>,
    failed?.status ?? 200,
  );
}

async function liftAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const id = c.req.param('id')!;
  const values = await readForm(c);
  const prefix = `s${id}`;
  const text = (name: string) => {
    const v = values[`${prefix}.${name}`];
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
  };
  const liftedOn = text('liftedOn');
  const errors: FormError[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(liftedOn))
    errors.push({
      field: `${prefix}.liftedOn`,
      text: p.lang === 'ja' ? '解除日を入力してください' : 'Enter the day',
    });
  if (errors.length) return showList(c, { id, values, errors, status: 422 });
  try {
    await liftSuspension(useCaseContext(c), id, { liftedOn, reason: text('reason') }, versionOf(values) ?? 0);
  } catch (error) {
    const refused = refusal(p, error, (path) => `${prefix}.${path}`);
    return showList(c, { id, values, ...refused });
  }
  return redirectWithNotice(c, '/suspensions', 'saved');
}

/** 指名停止: the list and lifting a suspension. */
export function suspensionPages() {
  const app = new Hono<AppEnv>();
  app.get('/suspensions', signedIn, (c) => showList(c));
  app.post(`/suspensions/:id${UUID_PARAM}/lift`, signedIn, liftAction);
  return app;
}
