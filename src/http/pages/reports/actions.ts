import type { Context } from 'hono';
import { QUESTIONS, type QuestionId } from '../../../../forms/compliance-report/compliance-report.form.js';
import { type AttachmentPurpose, uploadAttachment } from '../../../domain/attachments/upload-attachment.js';
import { actOnReport } from '../../../domain/reports/act-on-report.js';
import { getReport } from '../../../domain/reports/read-reports.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { AnswersSchema } from '../../schemas/reports.js';
import { formErrors } from '../components/form.js';
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { mayDo } from '../guard.js';
import { pageCtx } from '../page-context.js';
import { redirectWithNotice } from '../render.js';
import { answerField, takesCopies, valuesToAnswers } from './answer-values.js';
import { showReport } from './detail.page.js';
import { WARD_COMMANDS, type WardCommand } from './ward-actions.js';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** What each question's copy is evidence of (添付ファイルの種類). */
const PURPOSE: Partial<Record<QuestionId, AttachmentPurpose>> = { q2: 'internal_rules' };

/**
 * 別紙5の回答: new copies go through the attachments use case (size, type sniffing, SHA-256) and
 * join the kept ones; then the answers are saved as a draft or submitted by actOnReport, which
 * checks what every answer calls for and records the discrepancies. A refusal shows the form again
 * with what was typed, the copies already stored kept ticked, and each error beside its question.
 */
export async function answerReportAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const report = await getReport(ctx, c.req.param('id')!);
  mayDo(c, 'update', 'ComplianceReport', report);
  const values = await readForm(c);
  const body = await c.req.parseBody({ all: true });
  const command = one(values.command) === 'submit' ? 'submit' : 'save';
  delete values.command;

  for (const q of QUESTIONS.filter((x) => takesCopies(x.id))) {
    const raw = body[`${q.id}.copies`];
    const files = (Array.isArray(raw) ? raw : [raw]).filter(
      (f): f is File => f instanceof File && f.size > 0,
    );
    for (const file of files) {
      try {
        const stored = await uploadAttachment(ctx, {
          filename: file.name,
          declaredType: file.type,
          bytes: new Uint8Array(await file.arrayBuffer()),
          purpose: PURPOSE[q.id] ?? 'other',
          wardId: report.wardId,
        });
        const kept = values[`${q.id}.keep`];
        values[`${q.id}.keep`] = [...(Array.isArray(kept) ? kept : kept ? [kept] : []), stored.id];
      } catch (error) {
        const refused = refusal(p, error, () => `${q.id}.copies`);
        return showReport(c, { values, errors: refused.errors, status: refused.status });
      }
    }
  }

  const parsed = AnswersSchema.safeParse(valuesToAnswers(values));
  if (!parsed.success) {
    const errors = formErrors(p, zodErrors(parsed.error), (path) => path);
    return showReport(c, { values, errors, status: 422 });
  }
  try {
    await actOnReport(ctx, report.id, command, { answers: parsed.data }, versionOf(values) ?? 0);
  } catch (error) {
    const refused = refusal(p, error, answerField);
    // a stale page or a report no longer with the contractor: said at the top, the form may be gone
    const message = refused.status === 409 ? refused.errors.map((e) => e.text).join(' / ') : undefined;
    return showReport(c, { values, errors: refused.errors, message, status: refused.status });
  }
  return redirectWithNotice(
    c,
    `/compliance-reports/${report.id}`,
    command === 'submit' ? 'submitted' : 'saved',
  );
}

/** 受付・決裁・差戻し by the ward; a refusal (not this role's turn, stale page) is shown on the page. */
export async function wardReportAction(c: Context<AppEnv>) {
  const command = WARD_COMMANDS.find((k) => k === c.req.param('command')) as WardCommand | undefined;
  if (!command) return c.notFound();
  const values = await readForm(c);
  const comment = one(values.comment).trim().slice(0, 3000) || null;
  try {
    await actOnReport(useCaseContext(c), c.req.param('id')!, command, { comment }, versionOf(values) ?? 0);
  } catch (error) {
    const refused = refusal(pageCtx(c), error);
    return showReport(c, { message: refused.errors.map((e) => e.text).join(' / '), status: refused.status });
  }
  return redirectWithNotice(
    c,
    `/compliance-reports/${c.req.param('id')}`,
    command === 'return' ? 'decided' : 'stepDone',
  );
}
