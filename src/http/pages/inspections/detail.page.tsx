import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import {
  actOnInspection,
  type InspectionCommand,
  inspectionActions,
  mayRecordItems,
} from '../../../domain/inspections/act-on-inspection.js';
import { japanToday } from '../../../domain/inspections/inspection-access.js';
import { assistantNamesOf } from '../../../domain/inspections/plan-inspection.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Details, Lines } from '../components/common.js';
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { StampBoxes, StepLog } from '../components/sign-off.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { type FindingFormState, FindingsSection } from './findings.js';
import { type LoadedInspection, loadInspection, StateBadge } from './parts.js';
import { PlanForm, type PlanFormState, planFormData } from './plan-form.js';
import { Blockers, InspectionActions, planFacts } from './sign-off.js';

/** 続きから入力: the first item not yet answered, for the inspector on site. */
function ContinueLink({
  p,
  loaded,
  recording,
}: {
  p: PageCtx;
  loaded: LoadedInspection;
  recording: boolean;
}) {
  const first = loaded.items.find((i) => i.item.answer.result === null);
  if (!recording || !first) return null;
  return (
    <p>
      <a class="button" href={`/inspections/${loaded.inspection.id}/items/${first.item.key}`}>
        {p.t.inspections.continueItems}
      </a>
    </p>
  );
}

/** The checklist as a list of items, each with its result, leading to its own form. */
function Checklist({ p, loaded, recording }: { p: PageCtx; loaded: LoadedInspection; recording: boolean }) {
  const t = p.t.inspections;
  const id = loaded.inspection.id;
  return (
    <section aria-labelledby="checklist-title" id="checklist">
      <h2 id="checklist-title">{t.checklist}</h2>
      {recording && <p class="hint">{t.checklistHint}</p>}
      <ContinueLink p={p} loaded={loaded} recording={recording} />
      {loaded.sections.map((section) => (
        <section aria-label={p.lang === 'ja' ? section.heading : section.headingEn}>
          <h3>{p.lang === 'ja' ? section.heading : section.headingEn}</h3>
          {section.groups.map((group) => (
            <>
              {group.heading && <p class="label">{p.lang === 'ja' ? group.heading : group.headingEn}</p>}
              <ol class="checklist">
                {group.items.map((item) => {
                  const result = item.answer.result;
                  return (
                    <li>
                      <a href={`/inspections/${id}/items/${item.key}`}>
                        <span class="mark">{result ? t.marks[result] : t.unanswered}</span>
                        <span class="item-label">{item.label}</span>
                        <span class="item-text">{p.lang === 'ja' ? item.text : item.textEn}</span>
                      </a>
                    </li>
                  );
                })}
              </ol>
            </>
          ))}
        </section>
      ))}
    </section>
  );
}

/** The inspection: what is planned, its checklist, findings and sign-off, and the steps offered. */
export async function showInspection(
  c: Context<AppEnv>,
  extra: { problem?: string; findingForm?: FindingFormState; planForm?: PlanFormState; status?: number } = {},
) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const t = p.t.inspections;
  const loaded = await loadInspection(c, c.req.param('id')!);
  const i = loaded.inspection;
  const today = japanToday(useCaseContext(c).now());
  const commands = inspectionActions(viewer, i);
  const recording = mayRecordItems(viewer, i);
  // a contractor's inspection of its sub-contractor (再委託先への立入検査) says who made it
  const inspectedBy = i.inspectingOrgId
    ? (await organisationNames(useCaseContext(c), [i.inspectingOrgId])).get(i.inspectingOrgId)
    : undefined;
  const planForm = await planFormData(c, i);
  const assistants = await assistantNamesOf(useCaseContext(c), i);
  const rows: Array<[string, Child]> = [
    ...(planFacts(p, loaded) as Array<[string, Child]>),
    ...(i.inspectingOrgId ? [] : [[t.assistants, <Lines p={p} lines={assistants} />] as [string, Child]]),
    ...(i.inspectingOrgId ? [[p.t.supervision.inspectedBy, inspectedBy ?? '—'] as [string, Child]] : []),
    [t.status, <StateBadge p={p} status={i.status} />],
    [
      t.progress,
      <>
        {t.progressText(loaded.progress.answered, loaded.progress.total)}
        {loaded.progress.openFindings > 0 && <> / {t.openFindings(loaded.progress.openFindings)}</>}
      </>,
    ],
  ];
  return sendPage(
    c,
    <Layout p={p} title={`${t.title}: ${loaded.organisationName}`}>
      {extra.problem && (
        <div class="error-summary" role="alert">
          <h2>{p.t.errors[extra.status ?? 409]}</h2>
          <p>{extra.problem}</p>
        </div>
      )}
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t.details}</h2>
        <Details rows={rows} />
        <p>
          <a href={`/inspections/${i.id}/pdf`}>{t.pdf}</a>
        </p>
      </section>
      <ContinueLink p={p} loaded={loaded} recording={recording} />
      {i.status === 'in_progress' && (commands.includes('submit') || commands.includes('complete')) && (
        <Blockers p={p} loaded={loaded} />
      )}
      <InspectionActions p={p} inspection={i} commands={commands} />
      {planForm && <PlanForm p={p} inspection={i} data={planForm} state={extra.planForm} />}
      {i.status !== 'planned' && i.status !== 'cancelled' && (
        <FindingsSection p={p} viewer={viewer} loaded={loaded} today={today} form={extra.findingForm} />
      )}
      <Checklist p={p} loaded={loaded} recording={recording} />
      <section aria-labelledby="stamps-title">
        <h2 id="stamps-title">{t.stamps}</h2>
        <StampBoxes p={p} boxes={loaded.stamps} />
        <h3>{t.steps}</h3>
        <StepLog p={p} steps={loaded.steps} label={t.steps} decisions={t.stepDecisions} />
      </section>
    </Layout>,
    extra.status ?? 200,
  );
}

export const inspectionPage = (c: Context<AppEnv>) => showInspection(c);

/** 開始・取消し・決裁に回す・決裁・差戻し: the use case decides; a refusal shows its reason here. */
export function commandAction(command: InspectionCommand) {
  return async (c: Context<AppEnv>) => {
    const id = c.req.param('id')!;
    const values = await readForm(c);
    const raw = values.comment;
    const comment = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 3000) || null;
    try {
      await actOnInspection(useCaseContext(c), id, command, { comment }, versionOf(values) ?? 0);
    } catch (error) {
      const refused = refusal(pageCtx(c), error);
      return showInspection(c, {
        problem: refused.errors.map((e) => e.text).join(' / '),
        status: refused.status,
      });
    }
    const notice =
      command === 'submit'
        ? 'submitted'
        : command === 'approve' || command === 'send-back'
          ? 'stepDone'
          : 'saved';
    return redirectWithNotice(c, `/inspections/${id}`, notice);
  };
}
