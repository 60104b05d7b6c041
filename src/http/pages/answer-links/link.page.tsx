import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { checkFormProof, newFormProof } from '../../../domain/answer-links/answer-link-token.js';
import { answerReportThroughLink } from '../../../domain/answer-links/answer-through-link.js';
import { readLinkedReport } from '../../../domain/answer-links/linked-report.js';
import { contactContext, type OpenedLink, openAnswerLink } from '../../../domain/answer-links/open-answer-link.js';
import { loadMunicipalityWords } from '../../../domain/organisations/municipality-words.js';
import { discrepanciesOf } from '../../../domain/reports/report-facts.js';
import { NotFoundError, TooManyRequestsError } from '../../../domain/shared/errors.js';
import { toJapanTimeText } from '../../../domain/shared/japan-date.js';
import type { AppEnv } from '../../app-env.js';
import { AnswersSchema } from '../../schemas/reports.js';
import { DateText, Details, Period, TimeText } from '../components/common.js';
import { type FormError, type FormValues, fields, formErrors } from '../components/form.js';
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';
import { AnswerForm } from '../reports/answer-form.js';
import { answerField, answersToValues, startingAnswers, valuesToAnswers } from '../reports/answer-values.js';
import { Discrepancies, Facts } from '../reports/detail.page.js';
import { periodText } from '../reports/period-text.js';
import { linkText } from './i18n.js';
import { LinkLayout } from './link-layout.js';
import { linkGonePage } from './link-gone.js';

/** The cookie half of the form's double submit; only sent back to link pages. */
const FORM_COOKIE = 'pg_link_form';

/** Every link page: never cached, never a referrer (the token is in the address). */
function privateHeaders(c: Context<AppEnv>) {
  c.header('cache-control', 'no-store');
  c.header('referrer-policy', 'no-referrer');
  c.header('x-robots-tag', 'noindex, nofollow');
}

/** The live link of the address, or the answer to send instead (the plain 404, or 429). */
async function open(c: Context<AppEnv>): Promise<OpenedLink | Response> {
  privateHeaders(c);
  const deps = c.get('deps');
  try {
    const opened = await openAnswerLink(deps, {
      token: c.req.param('token') ?? '',
      purpose: 'compliance_report_answer',
      ip: deps.clientIp?.(c) ?? null,
      requestId: c.get('requestId'),
    });
    return opened ?? linkGonePage(c);
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    const minutes = Math.ceil(error.retryAfterSeconds / 60);
    c.header('retry-after', String(error.retryAfterSeconds));
    return linkGonePage(c, 429, (lang) => linkText(lang).tooMany(minutes));
  }
}

async function linkPageCtx(c: Context<AppEnv>, opened: OpenedLink) {
  const deps = c.get('deps');
  const words = await loadMunicipalityWords(deps.db, opened.link.wardId);
  const p = pageCtx(c, words);
  const ctx = contactContext({ db: deps.db, now: deps.now, requestId: c.get('requestId') }, opened.link);
  return { p, ctx, text: linkText(p.lang), words };
}

interface FormState {
  values?: FormValues;
  errors?: FormError[];
  message?: string;
  status?: number;
}

async function showForm(c: Context<AppEnv>, opened: OpenedLink, state: FormState = {}) {
  const { p, ctx, text } = await linkPageCtx(c, opened);
  const report = await readLinkedReport(ctx, opened.link);
  if (!report) return linkGonePage(c);
  const { link } = opened;
  const fill = (s: string) => p.msg({ ja: s, en: s });
  const values = state.values ?? answersToValues(startingAnswers(report.answers, report.prefill));
  const preview = report.prefill.facts ? discrepanciesOf(valuesToAnswers(values), report.prefill.facts) : [];
  const proof = await newFormProof(c.req.param('token')!);
  setCookie(c, FORM_COOKIE, proof.nonce, {
    path: '/l/',
    httpOnly: true,
    secure: c.get('deps').secureCookies,
    sameSite: 'Strict',
    maxAge: 24 * 3600,
  });
  const names = new Map<string, string>();
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
                {periodText(p, report.period)}（<Period p={p} from={report.periodFrom} to={report.periodTo} />）
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
        names={names}
        link={{ action: p.url.pathname, formProof: proof.field }}
      />
    </LinkLayout>,
    state.status ?? 200,
  );
}

/** GET /l/{token}: the 別紙5 form, prefilled as the company sees it. */
export async function linkPage(c: Context<AppEnv>) {
  const opened = await open(c);
  if (opened instanceof Response) return opened;
  return showForm(c, opened);
}

/**
 * POST /l/{token}: the form's proof checked against its cookie under this token (403 otherwise),
 * then the answers submitted through the shared step runner as the link's contact; the link is
 * spent with it. A refused submission shows the form again with its errors.
 */
export async function linkSubmit(c: Context<AppEnv>) {
  const opened = await open(c);
  if (opened instanceof Response) return opened;
  const { p, ctx, text } = await linkPageCtx(c, opened);
  const body = await c.req.parseBody();
  const field = typeof body._csrf === 'string' ? body._csrf : undefined;
  if (!(await checkFormProof(c.req.param('token')!, getCookie(c, FORM_COOKIE), field))) {
    return linkGonePage(c, 403, (lang) => linkText(lang).formExpired);
  }
  const values = await readForm(c);
  delete values.command;
  const parsed = AnswersSchema.safeParse(valuesToAnswers(values));
  if (!parsed.success) {
    const errors = formErrors(p, zodErrors(parsed.error), (path) => path);
    return showForm(c, opened, { values, errors, status: 422 });
  }
  let submittedAt: Date;
  try {
    const report = await answerReportThroughLink(ctx, opened, parsed.data, versionOf(values) ?? 0);
    submittedAt = report.submittedAt ?? ctx.now();
  } catch (error) {
    if (error instanceof NotFoundError) return linkGonePage(c);
    const refused = refusal(p, error, answerField);
    const message = refused.status === 409 ? refused.errors.map((e) => e.text).join(' / ') : undefined;
    return showForm(c, opened, { values, errors: refused.errors, message, status: refused.status });
  }
  return sendPage(
    c,
    <LinkLayout p={p} title={text.doneTitle}>
      <p role="status">{text.done(toJapanTimeText(submittedAt))}</p>
    </LinkLayout>,
  );
}
