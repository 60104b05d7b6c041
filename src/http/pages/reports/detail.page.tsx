import type { Context } from 'hono';
import { type Answers, QUESTIONS } from '../../../../forms/compliance-report/compliance-report.form.js';
import { maySendAnswerLink } from '../../../domain/answer-links/linked-report.js';
import { listAnswerLinks } from '../../../domain/answer-links/manage-answer-links.js';
import { readLinkAnswer } from '../../../domain/answer-links/read-link-answer.js';
import { getAttachment } from '../../../domain/attachments/get-attachment.js';
import { reportActions } from '../../../domain/reports/act-on-report.js';
import { getReport } from '../../../domain/reports/read-reports.js';
import { type Discrepancy, discrepanciesOf } from '../../../domain/reports/report-facts.js';
import { contractTitles } from '../../../domain/worklists/contract-titles.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { linkAnswerRow, WardLinks } from '../answer-links/ward-links.js';
import { Badge, DateText, Details, Period, TableWrap, TimeText } from '../components/common.js';
import { type FormError, type FormValues, fields } from '../components/form.js';
import { StampBoxes, StepLog } from '../components/sign-off.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';
import { AnswerForm, type CopyNames } from './answer-form.js';
import { answersToValues, startingAnswers, valuesToAnswers } from './answer-values.js';
import { periodText } from './period-text.js';
import { WARD_COMMANDS, WardActions } from './ward-actions.js';

type Report = Awaited<ReturnType<typeof getReport>>;

/** What a refused post brings back to the page: the typed values and errors, or a message. */
export interface ReportPageState {
  values?: FormValues;
  errors?: FormError[];
  message?: string;
  status?: number;
  /** The answer-link form as typed, when making a link was refused. */
  link?: { values: FormValues; errors: FormError[] };
}

export function Discrepancies({ p, items, preview }: { p: PageCtx; items: Discrepancy[]; preview: boolean }) {
  const t = p.t.reports;
  return (
    <section aria-labelledby="discrepancies" class={items.length ? 'warning-box' : undefined}>
      <h2 id="discrepancies">{preview ? t.discrepanciesPreview : t.discrepancies}</h2>
      {items.length === 0 ? (
        <p>{t.noDiscrepancies}</p>
      ) : (
        <ul>
          {items.map((d) => (
            <li>
              <a href={`#question-${d.question}`}>({d.question.slice(1)})</a> {p.lang === 'ja' ? d.ja : d.en}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Facts({ p, report }: { p: PageCtx; report: Report }) {
  const facts = report.prefill.facts;
  if (!facts) return null;
  const t = p.t.reports;
  return (
    <section aria-labelledby="facts">
      <h2 id="facts">{t.facts}</h2>
      <ul>
        <li>{t.factIncidents(facts.incidents)}</li>
        <li>{t.factSubcontracts(facts.approvedSubcontracts)}</li>
        <li>{t.factHandlerList(facts.handlerList === 'acknowledged')}</li>
        {facts.handlersWithoutPledge.length > 0 && (
          <li>{t.factNoPledge(facts.handlersWithoutPledge.join(p.lang === 'ja' ? '、' : ', '))}</li>
        )}
        {facts.trainings.length > 0 && (
          <li>
            {t.factTrainings}: {facts.trainings.map((x) => `${x.heldOn} ${x.subject}`).join(' / ')}
          </li>
        )}
        <CertificationFacts p={p} report={report} />
      </ul>
    </section>
  );
}

/** 別紙5 (2)'s evidence: the company's P-mark and ISMS as they stood at the period's end. */
function CertificationFacts({ p, report }: { p: PageCtx; report: Report }) {
  const held = report.prefill.facts?.certifications;
  if (!held) return null;
  const t = p.t.certifications;
  if (!held.length) return <li>{t.factsNone}</li>;
  return (
    <>
      {held.map((c) => (
        <li>
          {t.factsLine(t.kinds[c.kind] ?? c.kind, c.number, t.standing[c.standing] ?? c.standing)}
          <DateText p={p} date={c.validUntil} />
        </li>
      ))}
    </>
  );
}

/** A copy's link: a certificate's copy through its certification (the company's own file, which
 * the ward reads as a reader of the certification), any other through the attachments. */
function copyLink(report: Report, id: string): string {
  const cert = report.prefill.facts?.certifications?.find((c) => c.attachmentId === id);
  return cert
    ? `/companies/${report.organisationId}/certifications/${cert.certificationId}/copy`
    : `/attachments/${id}`;
}

/** A certificate's copy named by its kind and number, for a reader who cannot open the file's record. */
function certificateName(p: PageCtx, report: Report, id: string): string | undefined {
  const cert = report.prefill.facts?.certifications?.find((c) => c.attachmentId === id);
  const t = p.t.certifications;
  return cert && `${t.fields.copy}：${t.kinds[cert.kind] ?? cert.kind}（${cert.number}）`;
}

/** The answers as submitted, read only: question, answer, what came with it. */
function AnswersView({
  p,
  report,
  answers,
  names,
}: {
  p: PageCtx;
  report: Report;
  answers: Answers;
  names: CopyNames;
}) {
  const t = p.t.reports;
  return (
    <TableWrap p={p} label={t.answers}>
      <table>
        <caption>{t.answers}</caption>
        <thead>
          <tr>
            <th scope="col">{t.question}</th>
            <th scope="col">{t.answers}</th>
            <th scope="col">{t.given}</th>
          </tr>
        </thead>
        <tbody>
          {QUESTIONS.map((q) => {
            const a = answers[q.id];
            return (
              <tr id={`question-${q.id}`}>
                <th scope="row">{p.lang === 'ja' ? q.text : `(${q.id.slice(1)}) ${q.textEn}`}</th>
                <td>{a?.answer === 'yes' ? t.yes : a?.answer === 'no' ? t.no : t.notAnswered}</td>
                <td>
                  {a?.text && <p class="pre">{a.text}</p>}
                  {a?.useHandlerList && <p>{t.useHandlerList}</p>}
                  {(a?.attachmentIds ?? []).map((id) => (
                    <p>
                      <a href={copyLink(report, id)}>
                        {names.get(id) ?? certificateName(p, report, id) ?? id}
                      </a>
                    </p>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

async function copyNames(c: Context<AppEnv>, ids: string[]): Promise<CopyNames> {
  const ctx = useCaseContext(c);
  const names: CopyNames = new Map();
  for (const id of new Set(ids)) {
    try {
      names.set(id, (await getAttachment(ctx, id)).filename);
    } catch {
      // a copy the viewer may not read stays unnamed (its id is shown)
    }
  }
  return names;
}

/** 遵守状況報告書: its particulars, the 別紙5 form or the answers, the discrepancies, 決裁欄 and steps. */
export async function showReport(c: Context<AppEnv>, state: ReportPageState = {}) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const report = await getReport(ctx, c.req.param('id')!);
  const t = p.t.reports;
  const [titles, orgs] = await Promise.all([
    contractTitles(ctx, [report.contractId]),
    organisationNames(ctx, [report.organisationId]),
  ]);
  const title = titles.get(report.contractId) ?? report.period;
  const actions = reportActions(viewer, report);
  const answering = actions.includes('save');
  const values = state.values ?? answersToValues(startingAnswers(report.answers, report.prefill));
  const current = answering ? valuesToAnswers(values) : report.answers;
  const names = await copyNames(
    c,
    answering
      ? QUESTIONS.flatMap((q) => fields(values).values(`${q.id}.keep`))
      : Object.values(report.answers).flatMap((a) => a?.attachmentIds ?? []),
  );
  const preview = answering && report.prefill.facts ? discrepanciesOf(current, report.prefill.facts) : [];
  const commands = WARD_COMMANDS.filter((command) => actions.includes(command));
  const [viaLink, links] = await Promise.all([
    readLinkAnswer(ctx, report),
    listAnswerLinks(ctx, { targetId: report.id }),
  ]);
  const mayMakeLink = maySendAnswerLink(ctx, report);
  return sendPage(
    c,
    <Layout p={p} title={t.detailTitle(title)}>
      {state.message && (
        <div class="error-summary" role="alert">
          <p>{state.message}</p>
        </div>
      )}
      <section aria-labelledby="particulars">
        <h2 id="particulars">{t.particulars}</h2>
        <Details
          rows={
            [
              [t.columns.contract, title],
              [t.columns.organisation, orgs.get(report.organisationId) ?? '—'],
              [
                t.columns.period,
                <>
                  {periodText(p, report.period)}（
                  <Period p={p} from={report.periodFrom} to={report.periodTo} />）
                </>,
              ],
              [
                t.columns.dueOn,
                <>
                  <DateText p={p} date={report.dueOn} />{' '}
                  {report.overdue && <Badge status="returned" label={t.overdue} />}
                </>,
              ],
              [t.columns.status, <Badge status={report.status} label={t.status[report.status]} />],
              [t.submittedAt, <TimeText at={report.submittedAt} />],
              [t.receivedOn, <DateText p={p} date={report.receivedOn} />],
              ...linkAnswerRow(p, viaLink),
              ...(report.returnComment && report.status === 'returned'
                ? [[t.returnComment, <span class="pre">{report.returnComment}</span>] as [string, unknown]]
                : []),
            ] as Array<[string, never]>
          }
        />
        <p>
          <a href={`/compliance-reports/${report.id}/pdf`}>{t.pdf}</a>
        </p>
      </section>
      {answering ? (
        <>
          <Facts p={p} report={report} />
          <Discrepancies p={p} items={preview} preview />
          <AnswerForm p={p} f={fields(values, state.errors)} report={report} names={names} />
        </>
      ) : (
        <>
          {!['issued', 'draft', 'returned'].includes(report.status) && (
            <Discrepancies p={p} items={report.discrepancies} preview={false} />
          )}
          <AnswersView p={p} report={report} answers={report.answers} names={names} />
        </>
      )}
      <section aria-labelledby="stamps">
        <h2 id="stamps">{t.stamps}</h2>
        <StampBoxes p={p} boxes={report.stamps} />
      </section>
      <WardActions p={p} report={report} commands={commands} />
      <WardLinks
        p={p}
        f={fields(state.link?.values ?? {}, state.link?.errors)}
        targetId={report.id}
        links={links}
        now={ctx.now()}
        mayCreate={mayMakeLink}
      />
      <section aria-labelledby="steps">
        <h2 id="steps">{t.steps}</h2>
        <StepLog p={p} steps={report.steps} label={t.steps} decisions={t.commands} />
      </section>
    </Layout>,
    state.status ?? 200,
  );
}

export const reportDetailPage = (c: Context<AppEnv>) => showReport(c);
