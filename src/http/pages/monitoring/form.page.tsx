import type { Context } from 'hono';
import {
  checkRatings,
  gradesFor,
  MONITORING_AREAS,
  MONITORING_ITEMS,
} from '../../../../forms/monitoring-report/monitoring-report.form.js';
import { listContracts } from '../../../domain/contracts/list-contracts.js';
import { japanToday } from '../../../domain/inspections/inspection-access.js';
import { type FinancialRating, rateFinancials } from '../../../domain/monitoring/financial-rating.js';
import type { MonitoringReport } from '../../../domain/monitoring/monitoring.repository.js';
import { getMonitoringReport } from '../../../domain/monitoring/read-monitoring.js';
import {
  createMonitoringReport,
  updateMonitoringReport,
} from '../../../domain/monitoring/save-monitoring-report.js';
import type { FieldError } from '../../../domain/shared/errors.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { MonitoringCreateBody, MonitoringUpdateBody } from '../../schemas/monitoring.js';
import {
  Csrf,
  ErrorSummary,
  type Fields,
  type FormError,
  type FormValues,
  fieldId,
  fields,
  formErrors,
  SelectField,
  TextArea,
  TextField,
} from '../components/form.js';
import { firstValue, readForm, refusal, versionOf } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { mayDo } from '../guard.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

const FIGURES = ['currentAssets', 'currentLiabilities', 'fixedAssets', 'equity', 'totalCapital'] as const;
const UNITS = ['million_yen', 'thousand_yen', 'yen'] as const;
const AREA_KEYS = ['compliance', 'service', 'continuity'] as const;

const one = (values: FormValues, name: string) => firstValue(values[name]).trim();

/** The form's values from a stored report (the edit page's first view). */
function valuesOf(r: MonitoringReport): FormValues {
  const v: FormValues = {
    hearingOn: r.hearingOn,
    overall: r.overall ?? '',
    improvements: r.improvements ?? '',
    version: String(r.version),
    'financials.unit': r.financials?.unit ?? 'million_yen',
    'financials.statementsOf': r.financials?.statementsOf ?? '',
  };
  for (const [key, grade] of Object.entries(r.ratings)) v[`ratings.${key}`] = grade;
  for (const area of AREA_KEYS) v[`comments.${area}`] = r.comments[area] ?? '';
  for (const name of FIGURES)
    v[`financials.${name}`] = r.financials ? String(r.financials.figures[name]) : '';
  return v;
}

/**
 * The API's body from the form: the same fields under the same names (ratings.c1, comments.service,
 * financials.equity, …), so the use case's and the schema's error paths land beside their fields.
 * The financial sheet is left out when every figure is blank.
 */
function bodyOf(p: PageCtx, values: FormValues): { body: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const ratings: Record<string, string> = {};
  for (const item of MONITORING_ITEMS) {
    const grade = one(values, `ratings.${item.key}`);
    if (grade && !item.computed) ratings[item.key] = grade;
  }
  // the use case checks these too; here so that they show with the other mistakes at once
  errors.push(...checkRatings(ratings));
  const comments: Record<string, string> = {};
  for (const area of AREA_KEYS) {
    const text = one(values, `comments.${area}`);
    if (text) comments[area] = text;
  }
  const raw = FIGURES.map((name) => one(values, `financials.${name}`).replace(/[,，\s]/g, ''));
  let financials: Record<string, unknown> | null = null;
  if (raw.some(Boolean)) {
    financials = {
      unit: one(values, 'financials.unit'),
      statementsOf: one(values, 'financials.statementsOf') || null,
    };
    FIGURES.forEach((name, i) => {
      const text = raw[i]!;
      const t = p.t.monitoring.financial;
      if (!/^-?\d{1,15}$/.test(text)) {
        errors.push({
          path: `financials.${name}`,
          message: text ? t.notNumber : t.missing,
          message_ja: text ? t.notNumber : t.missing,
        });
      } else financials![name] = Number(text);
    });
  }
  return {
    body: {
      hearingOn: one(values, 'hearingOn'),
      ratings,
      comments,
      overall: one(values, 'overall') || null,
      improvements: one(values, 'improvements') || null,
      financials,
    },
    errors,
  };
}

function RatingRow({ p, f, itemKey }: { p: PageCtx; f: Fields; itemKey: string }) {
  const t = p.t.monitoring;
  const item = MONITORING_ITEMS.find((i) => i.key === itemKey)!;
  const name = `ratings.${item.key}`;
  const text = p.lang === 'ja' ? item.text : item.textEn;
  if (item.computed)
    return (
      <div class="field" id={fieldId(name)}>
        <p class="label">{text}</p>
        <p class="hint">{t.computedFromSheet}</p>
      </div>
    );
  const errors = f.errors(name);
  return (
    <fieldset class="field" id={fieldId(name)}>
      <legend>{text}</legend>
      {item.scale === 2 && <span class="hint">{t.twoGrades}</span>}
      {errors.length > 0 && <p class="field-error">{errors.join(' / ')}</p>}
      <div class="checks">
        {gradesFor(item).map((g) => (
          <label>
            <input type="radio" name={name} value={g} checked={f.value(name) === g} />
            {g}
          </label>
        ))}
        <label>
          <input type="radio" name={name} value="" checked={f.value(name) === ''} />
          {t.notRated}
        </label>
      </div>
    </fieldset>
  );
}

/** The rating of the financial checksheet, as computed by the seed's table. */
export function RatingTable({
  p,
  rating,
  caption,
}: {
  p: PageCtx;
  rating: FinancialRating;
  caption: string;
}) {
  const t = p.t.monitoring.financial;
  const rows: Array<[string, FinancialRating['currentRatio']]> = [
    [t.currentRatio, rating.currentRatio],
    [t.fixedRatio, rating.fixedRatio],
    [t.equityRatio, rating.equityRatio],
  ];
  return (
    <table class="financial-rating">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{p.t.monitoring.ratings}</th>
          <th scope="col">{t.ratio}</th>
          <th scope="col">{t.stability}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, r]) => (
          <tr>
            <th scope="row">{label}</th>
            <td>{r.display}</td>
            <td>{r.stability}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t.grade}</th>
          <td colspan={2}>
            <strong>{rating.grade}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

interface FormState {
  values: FormValues;
  errors: FormError[];
  preview?: FinancialRating;
  status?: number;
}

/** The contracts in force the viewer may read, each naming its contractor. */
async function contractOptions(c: Context<AppEnv>) {
  const ctx = useCaseContext(c);
  const [active, ending] = await Promise.all([
    listContracts(ctx, { status: 'active', limit: 100 }),
    listContracts(ctx, { status: 'ending', limit: 100 }),
  ]);
  const contracts = [...active.items, ...ending.items];
  const names = await organisationNames(
    ctx,
    contracts.map((k) => k.contractorOrgId),
  );
  return contracts.map((k) => ({
    value: k.id,
    label: `${k.title}（${names.get(k.contractorOrgId) ?? '—'}）`,
  }));
}

async function showForm(c: Context<AppEnv>, state: FormState, report?: MonitoringReport) {
  const p = pageCtx(c);
  const t = p.t.monitoring;
  const f = fields(state.values, state.errors);
  const action = report ? `/monitoring/${report.id}/edit` : '/monitoring';
  const contracts = report ? [] : await contractOptions(c);
  return sendPage(
    c,
    <Layout p={p} title={report ? t.edit : t.create}>
      <ErrorSummary p={p} f={f} />
      <p class="lead">{t.intro}</p>
      <form method="post" action={action} novalidate>
        <Csrf p={p} />
        {report && <input type="hidden" name="version" value={f.value('version')} />}
        {!report && (
          <SelectField
            p={p}
            f={f}
            name="contractId"
            label={t.fields.contract}
            options={contracts}
            blank=""
            required
          />
        )}
        <TextField p={p} f={f} name="hearingOn" label={t.fields.hearingOn} type="date" required short />
        <section aria-labelledby="ratings-title">
          <h2 id="ratings-title">{t.ratings}</h2>
          <p class="hint">{t.ratingsHint}</p>
          {MONITORING_AREAS.map((area) => (
            <section aria-labelledby={`area-${area.key}`}>
              <h3 id={`area-${area.key}`}>{p.lang === 'ja' ? area.heading : area.headingEn}</h3>
              {area.items.map((item) => (
                <RatingRow p={p} f={f} itemKey={item.key} />
              ))}
            </section>
          ))}
        </section>
        <section aria-labelledby="financial-title">
          <h2 id="financial-title">{t.financial.title}</h2>
          <p class="hint">{t.financial.hint}</p>
          <div
            data-rating-url="/api/v1/inspections/monitoring/financial-rating"
            data-rating-labels={JSON.stringify({
              currentRatio: t.financial.currentRatio,
              fixedRatio: t.financial.fixedRatio,
              equityRatio: t.financial.equityRatio,
              grade: t.financial.grade,
            })}
          >
            <SelectField
              p={p}
              f={f}
              name="financials.unit"
              label={t.financial.unit}
              options={UNITS.map((u) => ({ value: u, label: t.financial.units[u]! }))}
              short
            />
            <TextField p={p} f={f} name="financials.statementsOf" label={t.financial.statementsOf} short />
            {FIGURES.map((name) => (
              <TextField
                p={p}
                f={f}
                name={`financials.${name}`}
                label={t.financial[name]}
                inputmode="numeric"
                short
              />
            ))}
            <div class="field">
              <button type="submit" name="intent" value="preview" class="secondary">
                {t.financial.preview}
              </button>
            </div>
            <div data-rating-output aria-live="polite">
              {state.preview && (
                <RatingTable p={p} rating={state.preview} caption={t.financial.previewTitle} />
              )}
            </div>
          </div>
        </section>
        <section aria-labelledby="comments-title">
          <h2 id="comments-title">{t.comments}</h2>
          {MONITORING_AREAS.map((area) => (
            <TextArea
              p={p}
              f={f}
              name={`comments.${area.key}`}
              label={p.lang === 'ja' ? area.commentHeading : area.headingEn}
            />
          ))}
          <TextArea p={p} f={f} name="overall" label={t.fields.overall} />
          <TextArea p={p} f={f} name="improvements" label={t.fields.improvements} />
        </section>
        <div class="actions">
          <button type="submit">{t.save}</button>
          <a href={report ? `/monitoring/${report.id}` : '/monitoring'}>{p.t.common.cancel}</a>
        </div>
      </form>
    </Layout>,
    state.status ?? 200,
  );
}

/** モニタリング報告書の作成 (the form); `?contractId=` chooses the contract. */
export async function newMonitoringPage(c: Context<AppEnv>) {
  mayDo(c, 'create', 'MonitoringReport', { wardId: c.get('auth').actor.wardId });
  return showForm(c, {
    values: {
      contractId: c.req.query('contractId') ?? '',
      hearingOn: japanToday(useCaseContext(c).now()),
      'financials.unit': 'million_yen',
    },
    errors: [],
  });
}

export async function editMonitoringPage(c: Context<AppEnv>) {
  const report = await getMonitoringReport(useCaseContext(c), c.req.param('id')!);
  mayDo(c, 'update', 'MonitoringReport', report);
  return showForm(c, { values: valuesOf(report), errors: [] }, report);
}

/**
 * Both posts: "判定を表示する" shows the rating of the figures by the API's own function (nothing
 * saved), saving goes through the create or update use case, a refusal keeps what was typed.
 */
async function submit(c: Context<AppEnv>, report?: MonitoringReport) {
  const p = pageCtx(c);
  const values = await readForm(c);
  const { body, errors } = bodyOf(p, values);
  const schema = report ? MonitoringUpdateBody : MonitoringCreateBody;
  const parsed = schema.safeParse(
    report
      ? { ...body, version: versionOf(values) ?? 0 }
      : { ...body, contractId: one(values, 'contractId') },
  );
  const problems = [...errors, ...(parsed.success ? [] : zodErrors(parsed.error))];
  if (problems.length) return showForm(c, { values, errors: formErrors(p, problems), status: 422 }, report);
  const data = parsed.data!;
  if (one(values, 'intent') === 'preview') {
    const preview = data.financials ? rateFinancials(data.financials) : undefined;
    return showForm(c, { values, errors: [], preview }, report);
  }
  try {
    const ctx = useCaseContext(c);
    const saved = report
      ? await updateMonitoringReport(ctx, report.id, data, (data as { version: number }).version)
      : await createMonitoringReport(ctx, data as Parameters<typeof createMonitoringReport>[1]);
    return redirectWithNotice(c, `/monitoring/${saved.id}`, report ? 'saved' : 'created');
  } catch (error) {
    const refused = refusal(p, error);
    return showForm(c, { values, errors: refused.errors, status: refused.status }, report);
  }
}

export async function createMonitoringAction(c: Context<AppEnv>) {
  mayDo(c, 'create', 'MonitoringReport', { wardId: c.get('auth').actor.wardId });
  return submit(c);
}

export async function updateMonitoringAction(c: Context<AppEnv>) {
  const report = await getMonitoringReport(useCaseContext(c), c.req.param('id')!);
  mayDo(c, 'update', 'MonitoringReport', report);
  return submit(c, report);
}
