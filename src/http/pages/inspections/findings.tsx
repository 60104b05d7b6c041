import type { Context } from 'hono';
import { actOnFinding } from '../../../domain/inspections/act-on-finding.js';
import { findingActions } from '../../../domain/inspections/act-on-inspection.js';
import type { Finding } from '../../../domain/inspections/finding.repository.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { CarryBody, ImprovementBody } from '../../schemas/inspections.js';
import { DateText, TimeText } from '../components/common.js';
import {
  Csrf,
  ErrorSummary,
  type Fields,
  type FormError,
  type FormValues,
  fields,
  formErrors,
  TextArea,
} from '../components/form.js';
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { type PageCtx, pageCtx, type Viewer } from '../page-context.js';
import { FindingBadge, type LoadedInspection } from './parts.js';

/** A finding form refused: which finding, which form, what was typed and why. */
export interface FindingFormState {
  findingId: string;
  values: FormValues;
  errors: FormError[];
}

const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').trim();

function ReportForm({
  p,
  loaded,
  finding,
  f,
}: {
  p: PageCtx;
  loaded: LoadedInspection;
  finding: Finding;
  f: Fields;
}) {
  const t = p.t.inspections;
  return (
    <form
      method="post"
      action={`/inspections/${loaded.inspection.id}/findings/${finding.id}/improvement-report`}
      novalidate
    >
      <Csrf p={p} />
      <input type="hidden" name="version" value={String(finding.version)} />
      <ErrorSummary p={p} f={f} />
      <TextArea
        p={p}
        f={f}
        name={`report-${finding.id}`}
        label={t.improvementReport}
        hint={t.improvementReportHint}
        required
        rows={4}
      />
      <button type="submit">{t.submitReport}</button>
    </form>
  );
}

function CarryForm({
  p,
  loaded,
  finding,
  f,
}: {
  p: PageCtx;
  loaded: LoadedInspection;
  finding: Finding;
  f: Fields;
}) {
  const t = p.t.inspections;
  return (
    <form
      method="post"
      action={`/inspections/${loaded.inspection.id}/findings/${finding.id}/carry`}
      novalidate
      class="decision"
    >
      <Csrf p={p} />
      <input type="hidden" name="version" value={String(finding.version)} />
      <ErrorSummary p={p} f={f} />
      <TextArea p={p} f={f} name={`reason-${finding.id}`} label={t.carryReason} required rows={2} />
      <button type="submit" class="secondary">
        {t.carry}
      </button>
    </form>
  );
}

/** 指摘事項: each with its item, deadline and report; the company reports, the inspector carries. */
export function FindingsSection({
  p,
  viewer,
  loaded,
  today,
  form,
}: {
  p: PageCtx;
  viewer: Viewer;
  loaded: LoadedInspection;
  today: string;
  form?: FindingFormState;
}) {
  const t = p.t.inspections;
  const i = loaded.inspection;
  const _running = i.status === 'in_progress';
  return (
    <section aria-labelledby="findings-title">
      <h2 id="findings-title">{t.findings}</h2>
      {loaded.findings.length === 0 ? (
        <p>{t.noFindings}</p>
      ) : (
        <ul class="cards">
          {loaded.findings.map((finding) => {
            const f = form?.findingId === finding.id ? fields(form.values, form.errors) : fields({});
            const label =
              loaded.items.find((x) => x.item.key === finding.itemKey)?.item.label ?? finding.itemKey;
            const actions = findingActions(viewer, i, finding);
            const mayReport = actions.includes('improvement-report');
            const mayCarry = actions.includes('carry');
            const item = loaded.items.find((x) => x.item.key === finding.itemKey)?.item;
            return (
              <li class="card" id={`finding-${finding.id}`}>
                <p class="card-title">
                  <a href={`/inspections/${i.id}/items/${finding.itemKey}`}>{t.itemLink(label)}</a>{' '}
                  <FindingBadge p={p} finding={finding} today={today} />
                </p>
                {item && <p class="item-text">{p.lang === 'ja' ? item.text : item.textEn}</p>}
                <p>{finding.observation}</p>
                <p>
                  {t.findingDue}: <DateText p={p} date={finding.dueOn} />
                </p>
                {finding.improvementReport && (
                  <div>
                    <p class="label">{t.improvementReport}</p>
                    <p class="pre">{finding.improvementReport}</p>
                    <p class="hint">
                      {t.reportedAt}: <TimeText at={finding.reportedAt} />
                    </p>
                  </div>
                )}
                {finding.carriedReason && (
                  <p>
                    {t.carried}: {finding.carriedReason}
                  </p>
                )}
                {mayReport && <ReportForm p={p} loaded={loaded} finding={finding} f={f} />}
                {mayCarry && <CarryForm p={p} loaded={loaded} finding={finding} f={f} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

type ShowDetail = (
  c: Context<AppEnv>,
  extra: { findingForm?: FindingFormState; status?: number },
) => Promise<Response>;

/** 改善報告 (the inspected company) and 持越し (the inspector), through actOnFinding. */
export function findingAction(kind: 'improvement-report' | 'carry', show: ShowDetail) {
  return async (c: Context<AppEnv>) => {
    const p = pageCtx(c);
    const id = c.req.param('id')!;
    const findingId = c.req.param('fid')!;
    const values = await readForm(c);
    const field = kind === 'carry' ? `reason-${findingId}` : `report-${findingId}`;
    const text = one(values[field]);
    const version = versionOf(values) ?? 0;
    const back = (errors: FormError[], status: number) =>
      show(c, { findingForm: { findingId, values, errors }, status });
    const parsed =
      kind === 'carry'
        ? CarryBody.safeParse({ reason: text, version })
        : ImprovementBody.safeParse({ report: text, version });
    if (!parsed.success) {
      const errors = formErrors(p, zodErrors(parsed.error), (path) =>
        path === 'report' || path === 'reason' ? field : path,
      );
      return back(errors, 422);
    }
    try {
      await actOnFinding(
        useCaseContext(c),
        id,
        findingId,
        kind === 'carry' ? { kind: 'carry', reason: text } : { kind: 'improvement-report', report: text },
        version,
      );
    } catch (error) {
      const refused = refusal(p, error, (path) =>
        path === 'report' || path === 'reason' ? field : undefined,
      );
      return back(refused.errors, refused.status);
    }
    const notice = kind === 'carry' ? 'saved' : 'reported';
    return c.redirect(`/inspections/${id}?notice=${notice}#finding-${findingId}`, 303);
  };
}
