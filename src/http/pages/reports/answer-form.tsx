import {
  QUESTIONS,
  type Question,
  type QuestionId,
} from '../../../../forms/compliance-report/compliance-report.form.js';
import type { ComplianceReport } from '../../../domain/reports/report.repository.js';
import type { Prefill } from '../../../domain/reports/report-facts.js';
import { Csrf, ErrorSummary, type Fields, fieldId, TextArea } from '../components/form.js';
import type { PageCtx } from '../page-context.js';
import { takesCopies, takesText } from './answer-values.js';

/** Names of attached copies, by id (those the viewer may read). */
export type CopyNames = Map<string, string>;

const questionText = (p: PageCtx, q: Question) =>
  p.lang === 'ja' ? q.text : `(${q.id.slice(1)}) ${q.textEn}`;
const sectionText = (p: PageCtx, q: Question) => (p.lang === 'ja' ? q.section : q.sectionEn);

function FieldErrors({ f, name }: { f: Fields; name: string }) {
  const messages = f.errors(name);
  return messages.length ? (
    <p class="field-error" id={`${fieldId(name)}-error`}>
      {messages.join(' / ')}
    </p>
  ) : null;
}

/** はい・いいえ as two radios under the question; the first radio carries the id errors link to. */
function YesNo({ p, f, id }: { p: PageCtx; f: Fields; id: QuestionId }) {
  const name = `${id}.answer`;
  const invalid = f.errors(name).length > 0;
  return (
    <div class="checks">
      {(['yes', 'no'] as const).map((value, i) => (
        <label>
          <input
            type="radio"
            id={i === 0 ? fieldId(name) : `${fieldId(name)}-${value}`}
            name={name}
            value={value}
            checked={f.value(name) === value}
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={invalid ? `${fieldId(name)}-error` : undefined}
          />
          {value === 'yes' ? p.t.reports.yes : p.t.reports.no}
        </label>
      ))}
    </div>
  );
}

/** The copies a question calls for: those attached (kept while ticked), a new file, the roster option. */
function Copies({
  p,
  f,
  q,
  names,
  uploads,
}: {
  p: PageCtx;
  f: Fields;
  q: Question;
  names: CopyNames;
  uploads: boolean;
}) {
  const t = p.t.reports;
  const req = q.requires.find((r) => r.copies)!.copies!;
  const name = `${q.id}.copies`;
  const hintId = `${fieldId(name)}-hint`;
  return (
    <div class="field">
      {req.orHandlerList && (
        <div class="checks">
          <label>
            <input
              type="checkbox"
              name={`${q.id}.useHandlerList`}
              checked={f.checked(`${q.id}.useHandlerList`)}
            />
            {t.useHandlerList}
          </label>
        </div>
      )}
      {f.values(`${q.id}.keep`).map((id) => (
        <div class="checks">
          <label>
            <input type="checkbox" name={`${q.id}.keep`} value={id} checked />
            {t.keepCopy(names.get(id) ?? id)}
          </label>
        </div>
      ))}
      {!uploads ? (
        <>
          {/* the error summary's link for this question's copies lands here */}
          <p class="hint" id={fieldId(name)}>
            {p.lang === 'ja' ? req.label : req.labelEn}
          </p>
          <FieldErrors f={f} name={name} />
        </>
      ) : (
        <>
          <label for={fieldId(name)}>{t.addCopy}</label>
          <span class="hint" id={hintId}>
            {p.lang === 'ja' ? req.label : req.labelEn}
          </span>
          <FieldErrors f={f} name={name} />
          <input
            type="file"
            id={fieldId(name)}
            name={name}
            accept="application/pdf,image/png,image/jpeg"
            multiple
            aria-describedby={[hintId, f.errors(name).length ? `${fieldId(name)}-error` : '']
              .filter(Boolean)
              .join(' ')}
            aria-invalid={f.errors(name).length ? 'true' : undefined}
          />
        </>
      )}
    </div>
  );
}

function QuestionBlock({
  p,
  f,
  q,
  names,
  prefill,
  uploads,
}: {
  p: PageCtx;
  f: Fields;
  q: Question;
  names: CopyNames;
  prefill: Prefill;
  uploads: boolean;
}) {
  const t = p.t.reports;
  const textLabels = q.requires
    .filter((r) => r.text)
    .map((r) => (p.lang === 'ja' ? r.text!.label : `${r.when === 'yes' ? t.yes : t.no}: ${r.text!.labelEn}`));
  const prefilled = prefill[q.id]?.answer && prefill[q.id]?.answer === f.value(`${q.id}.answer`);
  return (
    <fieldset class="question" id={`question-${q.id}`}>
      <legend>
        <span class="section">{sectionText(p, q)}</span> {questionText(p, q)}
      </legend>
      {q.onlyIfSubcontracting && <p class="hint">{t.onlyIfSubcontracting}</p>}
      {prefilled && <p class="hint">{t.prefilled}</p>}
      <FieldErrors f={f} name={`${q.id}.answer`} />
      <YesNo p={p} f={f} id={q.id} />
      {takesText(q.id) && (
        <TextArea p={p} f={f} name={`${q.id}.text`} label={textLabels.join(' / ')} rows={3} />
      )}
      {takesCopies(q.id) && <Copies p={p} f={f} q={q} names={names} uploads={uploads} />}
    </fieldset>
  );
}

/**
 * Answering through a one-time link (回答用リンク): the link's own address and form proof instead of
 * the session's CSRF token, submission only (the link is spent by it), and no new copies (a contact
 * without an account uploads nothing; copies already attached stay).
 */
export interface ThroughLink {
  action: string;
  formProof: string;
}

/** 別紙5 as a form: the nine questions in their sections, prefilled, with the copies each calls for. */
export function AnswerForm({
  p,
  f,
  report,
  names,
  link,
}: {
  p: PageCtx;
  f: Fields;
  report: ComplianceReport;
  names: CopyNames;
  link?: ThroughLink;
}) {
  const t = p.t.reports;
  return (
    <form
      method="post"
      action={link?.action ?? `/compliance-reports/${report.id}/answer`}
      enctype={link ? 'application/x-www-form-urlencoded' : 'multipart/form-data'}
      novalidate
      aria-labelledby="answers-title"
    >
      <h2 id="answers-title">{t.answers}</h2>
      <p>{t.formIntro}</p>
      <ErrorSummary p={p} f={f} />
      {link ? <input type="hidden" name="_csrf" value={link.formProof} /> : <Csrf p={p} />}
      <input type="hidden" name="version" value={String(report.version)} />
      {QUESTIONS.map((q) => (
        <QuestionBlock p={p} f={f} q={q} names={names} prefill={report.prefill} uploads={!link} />
      ))}
      <div class="actions">
        {!link && (
          <button type="submit" name="command" value="save" class="secondary">
            {t.saveDraft}
          </button>
        )}
        <button type="submit" name="command" value="submit" data-confirm={t.confirmSubmit}>
          {t.submit}
        </button>
      </div>
    </form>
  );
}
