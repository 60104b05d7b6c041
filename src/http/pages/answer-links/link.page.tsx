import type { Context } from 'hono';
import { answerReportThroughLink } from '../../../domain/answer-links/answer-through-link.js';
import { readLinkedReport } from '../../../domain/answer-links/linked-report.js';
import { readLinkedHandler } from '../../../domain/answer-links/upload-pledge-through-link.js';
import { discrepanciesOf } from '../../../domain/reports/report-facts.js';
import { NotFoundError } from '../../../domain/shared/errors.js';
import { toJapanTimeText } from '../../../domain/shared/japan-date.js';
import type { AppEnv } from '../../app-env.js';
import { AnswersSchema } from '../../schemas/reports.js';
import { DateText, Details, Period, TimeText } from '../components/common.js';
import { type FormError, type FormValues, fields, formErrors } from '../components/form.js';
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { sendPage } from '../render.js';
import { AnswerForm } from '../reports/answer-form.js';
import { answerField, answersToValues, startingAnswers, valuesToAnswers } from '../reports/answer-values.js';
import { Discrepancies, Facts } from '../reports/detail.page.js';
import { periodText } from '../reports/period-text.js';
import { linkText } from './i18n.js';
import { linkGonePage } from './link-gone.js';
import { LinkLayout } from './link-layout.js';
import { formProofHolds, type LinkPage, openLinkPage } from './link-page-context.js';
import { showPledgeForm, submitPledge } from './pledge.page.js';

interface FormState {
  values?: FormValues;
  errors?: FormError[];
  message?: string;
  status?: number;
}

/** 別紙5 through the link, prefilled as the company sees it; no saving, no new copies. */
async function showReportForm(c: Context<AppEnv>, page: LinkPage, state: FormState = {}) {
  const { p, ctx, opened } = page;
  const report = await readLinkedReport(ctx, opened.link);
  if (!report) return linkGonePage(c);
  const text = linkText(p.lang);
  const { link } = opened;
  const fill = (s: string) => p.msg({ ja: s, en: s });
  const values = state.values ?? answersToValues(startingAnswers(report.answers, report.prefill));
  const preview = report.prefill.facts ? discrepanciesOf(valuesToAnswers(values), report.prefill.facts) : [];
  return sendPage(
    c,
    <LinkLayout p={p} title={text.title}>
      {state.message && (
        <div class="error-summary" role="alert">
          <p>{state.message}</p>
        </div>
      )}
      <p>{fill(text.lead(link.contact.name, link.contact.organisation))}</p>
      <section aria-labelledby="particulars">
        <h2 id="particulars">{p.t.reports.particulars}</h2>
        <Details
          rows={[
            [text.organisation, link.contact.organisation],
            [text.contact, `${link.contact.name}（${link.contact.email}）`],
            [
              text.period,
              <>
                {periodText(p, report.period)}（<Period p={p} from={report.periodFrom} to={report.periodTo} />
                ）
              </>,
            ],
            [text.dueOn, <DateText p={p} date={report.dueOn} />],
            [text.expires, <TimeText at={link.expiresAt} />],
          ]}
        />
      </section>
      <Facts p={p} report={report} />
      <Discrepancies p={p} items={preview} preview />
      <p class="hint">{fill(text.copiesNote)}</p>
      <AnswerForm
        p={p}
        f={fields(values, state.errors)}
        report={report}
        names={new Map()}
        link={{ action: p.url.pathname, formProof: page.formProof }}
      />
    </LinkLayout>,
    state.status ?? 200,
  );
}

/** The answers posted through the link, submitted as the contact; the link is spent with them. */
async function submitReport(c: Context<AppEnv>, page: LinkPage) {
  const { p, ctx, opened } = page;
  const values = await readForm(c);
  delete values.command;
  const parsed = AnswersSchema.safeParse(valuesToAnswers(values));
  if (!parsed.success) {
    const errors = formErrors(p, zodErrors(parsed.error), (path) => path);
    return showReportForm(c, page, { values, errors, status: 422 });
  }
  let submittedAt: Date;
  try {
    const report = await answerReportThroughLink(ctx, opened, parsed.data, versionOf(values) ?? 0);
    submittedAt = report.submittedAt ?? ctx.now();
  } catch (error) {
    if (error instanceof NotFoundError) return linkGonePage(c);
    const refused = refusal(p, error, answerField);
    const message = refused.status === 409 ? refused.errors.map((e) => e.text).join(' / ') : undefined;
    return showReportForm(c, page, { values, errors: refused.errors, message, status: refused.status });
  }
  const text = linkText(p.lang);
  return sendPage(
    c,
    <LinkLayout p={p} title={text.doneTitle}>
      <p role="status">{text.done(toJapanTimeText(submittedAt))}</p>
    </LinkLayout>,
  );
}

/** Whether the link's record still awaits what the link is for. */
async function recordAwaits({ ctx, opened }: LinkPage): Promise<boolean> {
  return opened.link.purpose === 'handler_pledge_upload'
    ? (await readLinkedHandler(ctx, opened)) !== undefined
    : (await readLinkedReport(ctx, opened.link)) !== undefined;
}

/** GET /l/{token}: what the link's purpose needs, and nothing else. */
export async function linkPage(c: Context<AppEnv>) {
  const page = await openLinkPage(c);
  if (page instanceof Response) return page;
  return page.opened.link.purpose === 'handler_pledge_upload'
    ? showPledgeForm(c, page)
    : showReportForm(c, page);
}

/**
 * POST /l/{token}: the form's proof checked against its cookie under this token (403 otherwise),
 * then what the link is for, done as its contact through the company's own use case; the link is
 * spent with it. A refused submission shows the form again with its errors.
 */
export async function linkSubmit(c: Context<AppEnv>) {
  const page = await openLinkPage(c);
  if (page instanceof Response) return page;
  // a link whose record no longer awaits the company is gone, whatever was posted
  if (!(await recordAwaits(page))) return linkGonePage(c);
  if (!(await formProofHolds(c))) return linkGonePage(c, 403, (lang) => linkText(lang).formExpired);
  return page.opened.link.purpose === 'handler_pledge_upload' ? submitPledge(c, page) : submitReport(c, page);
}
