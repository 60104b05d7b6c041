import type { Context } from 'hono';
import { createAnswerLink } from '../../../domain/answer-links/create-answer-link.js';
import { revokeAnswerLink } from '../../../domain/answer-links/manage-answer-links.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { linkUrl } from '../../routes/answer-links.routes.js';
import { CreateAnswerLinkBody } from '../../schemas/answer-links.js';
import { formErrors } from '../components/form.js';
import { firstValue, readForm, refusal } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';
import { showReport } from '../reports/detail.page.js';
import { wardLinkText } from './i18n.js';

/** The form's field of a body path: contact.name → contactName. */
const FIELD: Record<string, string> = {
  'contact.name': 'contactName',
  'contact.email': 'contactEmail',
  'contact.organisation': 'contactOrganisation',
  expiresInDays: 'expiresInDays',
};
const toField = (path: string) => FIELD[path.replace(/^(json|form)\./, '')] ?? path;

/**
 * The ward's signer makes a link from the report's page; the page that follows shows it once (not
 * a redirect: the token is never put in a URL of ours). A refusal shows the report again with the
 * form as typed.
 */
export async function createLinkAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = wardLinkText(p.lang);
  const reportId = c.req.param('id')!;
  const values = await readForm(c);
  const days = firstValue(values.expiresInDays).trim();
  const parsed = CreateAnswerLinkBody.safeParse({
    purpose: 'compliance_report_answer',
    targetId: reportId,
    contact: {
      name: firstValue(values.contactName),
      email: firstValue(values.contactEmail).trim(),
      organisation: firstValue(values.contactOrganisation),
    },
    expiresInDays: days === '' ? undefined : Number(days),
  });
  if (!parsed.success) {
    const errors = formErrors(p, zodErrors(parsed.error), toField);
    return showReport(c, { link: { values, errors }, status: 422 });
  }
  let url: string;
  try {
    const { token } = await createAnswerLink(useCaseContext(c), parsed.data, {
      mailer: c.get('deps').mailer,
      urlOf: (x) => linkUrl(c, x),
    });
    url = linkUrl(c, token);
  } catch (error) {
    const refused = refusal(p, error, toField);
    if (refused.status === 409)
      return showReport(c, { message: refused.errors.map((e) => e.text).join(' / '), status: 409 });
    return showReport(c, { link: { values, errors: refused.errors }, status: refused.status });
  }
  return sendPage(
    c,
    <Layout p={p} title={t.createdTitle}>
      <p role="status">{t.createdLead}</p>
      <div class="field">
        <label for="answer-link-url">{t.url}</label>
        <input type="text" id="answer-link-url" value={url} readonly />
      </div>
      <p>
        <a href={`/compliance-reports/${reportId}`}>{t.back}</a>
      </p>
    </Layout>,
  );
}

/** Revokes an open link, back to the record it was made for. */
export async function revokeLinkAction(c: Context<AppEnv>) {
  const link = await revokeAnswerLink(useCaseContext(c), c.req.param('id')!);
  return c.redirect(`/compliance-reports/${link.targetId}`, 303);
}
