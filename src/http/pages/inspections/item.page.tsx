import type { Context } from 'hono';
import { uploadAttachment } from '../../../domain/attachments/upload-attachment.js';
import { mayRecordItems } from '../../../domain/inspections/act-on-inspection.js';
import { japanToday } from '../../../domain/inspections/inspection-access.js';
import type { ViewItem } from '../../../domain/inspections/inspection-view.js';
import { recheckItem } from '../../../domain/inspections/recheck-item.js';
import { recordItem } from '../../../domain/inspections/record-item.js';
import { notFound } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { ItemBody, RecheckBody } from '../../schemas/inspections.js';
import { DateText, Details } from '../components/common.js';
import {
  ChoiceGroup,
  Csrf,
  ErrorSummary,
  type Fields,
  type FormError,
  type FormValues,
  fields,
  formErrors,
  SelectField,
  TextArea,
  TextField,
} from '../components/form.js';
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';
import { FindingBadge, itemAt, type LoadedInspection, loadInspection } from './parts.js';

const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').trim();
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** Which form a refusal belongs to: the answer or the re-check. */
type FormState = { form: 'answer' | 'recheck'; values: FormValues; errors: FormError[] };

/** The answer as stored, in the form's terms. */
function answerValues(item: ViewItem, today: string): FormValues {
  const a = item.answer;
  return {
    result: a.result ?? '',
    checkedOn: a.checkedOn ?? today,
    observation: a.observation ?? '',
    improvementDueOn: item.finding?.dueOn ?? '',
    remoteMethod: a.remoteMethod ?? '',
    keepPhotos: a.photoIds,
    version: String(a.version),
  };
}

function Photos({ p, f, ids, editable }: { p: PageCtx; f: Fields; ids: string[]; editable: boolean }) {
  const t = p.t.inspections;
  if (!ids.length) return null;
  return (
    <fieldset class="field">
      <legend>{t.photos}</legend>
      <ul class="photos">
        {ids.map((id, n) => (
          <li>
            <a href={`/attachments/${id}`} aria-label={t.photoLink(n + 1)}>
              <img src={`/attachments/${id}`} alt="" width="96" height="96" />
            </a>
            {editable && (
              <label>
                <input type="checkbox" name="keepPhotos" value={id} checked={f.checked('keepPhotos', id)} />
                {t.keepPhoto(n + 1)}
              </label>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function AnswerForm({
  p,
  loaded,
  item,
  f,
  photoIds,
}: {
  p: PageCtx;
  loaded: LoadedInspection;
  item: ViewItem;
  f: Fields;
  photoIds: string[];
}) {
  const t = p.t.inspections;
  const template = loaded.inspection.template;
  return (
    <form
      method="post"
      action={`/inspections/${loaded.inspection.id}/items/${item.key}`}
      enctype="multipart/form-data"
      novalidate
      class="item-form"
    >
      <Csrf p={p} />
      <input type="hidden" name="version" value={f.value('version')} />
      <ChoiceGroup
        p={p}
        f={f}
        name="result"
        legend={t.result}
        type="radio"
        options={template.results.map((r) => ({ value: r, label: t.results[r] ?? r }))}
      />
      <TextField p={p} f={f} name="checkedOn" label={t.checkedOn} type="date" required short />
      <TextArea p={p} f={f} name="observation" label={t.observation} hint={t.observationHint} rows={3} />
      <TextField
        p={p}
        f={f}
        name="improvementDueOn"
        label={t.improvementDueOn}
        hint={t.improvementDueOnHint}
        type="date"
        short
      />
      <SelectField
        p={p}
        f={f}
        name="remoteMethod"
        label={t.remoteMethod}
        hint={t.remoteHint}
        options={['', 'video', 'photos'].map((m) => ({ value: m, label: t.remoteMethods[m]! }))}
      />
      <Photos p={p} f={f} ids={photoIds} editable />
      <TextField p={p} f={f} name="photo" label={t.photo} type="file" />
      <div class="actions">
        <button type="submit" name="after" value="next">
          {t.saveNext}
        </button>
        <button type="submit" name="after" value="stay" class="secondary">
          {t.save}
        </button>
      </div>
    </form>
  );
}

function RecheckForm({
  p,
  loaded,
  item,
  f,
}: {
  p: PageCtx;
  loaded: LoadedInspection;
  item: ViewItem;
  f: Fields;
}) {
  const t = p.t.inspections;
  return (
    <form
      method="post"
      action={`/inspections/${loaded.inspection.id}/items/${item.key}/recheck`}
      novalidate
      class="decision"
    >
      <Csrf p={p} />
      <input type="hidden" name="version" value={String(item.answer.version)} />
      <h3>{t.recheck}</h3>
      <TextField p={p} f={f} name="recheckedOn" label={t.recheckedOn} type="date" required short />
      <ChoiceGroup
        p={p}
        f={f}
        name="recheckResult"
        legend={t.recheckResult}
        type="radio"
        options={['ok', 'ng'].map((r) => ({ value: r, label: t.recheckResults[r]! }))}
      />
      <TextArea p={p} f={f} name="recheckNote" label={t.recheckNote} hint={t.recheckNoteHint} rows={2} />
      <TextField p={p} f={f} name="newDueOn" label={t.newDueOn} hint={t.newDueOnHint} type="date" short />
      <button type="submit">{t.saveRecheck}</button>
    </form>
  );
}

/** The stored answer, read-only (companies, signers, or a record no longer in progress). */
function StoredAnswer({ p, item }: { p: PageCtx; item: ViewItem }) {
  const t = p.t.inspections;
  const a = item.answer;
  return (
    <Details
      rows={[
        [t.result, a.result ? t.results[a.result] : t.unanswered],
        [t.checkedOn, <DateText p={p} date={a.checkedOn} />],
        [t.observation, a.observation ?? p.t.common.none],
        [t.remoteMethod, t.remoteMethods[a.remoteMethod ?? '']],
        ...(a.recheckOn
          ? ([
              [
                t.recheck,
                t.recheckDone(a.recheckOn, t.recheckResults[a.recheckResult ?? '']!) +
                  (a.recheckNote ? `（${a.recheckNote}）` : ''),
              ],
            ] as Array<[string, string]>)
          : []),
      ]}
    />
  );
}

/** 確認項目: one item of the checklist and its own small form, saved on its own. */
async function showItem(c: Context<AppEnv>, state?: FormState, status = 200) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const t = p.t.inspections;
  const loaded = await loadInspection(c, c.req.param('id')!);
  const at = itemAt(loaded, c.req.param('key')!);
  if (!at) throw notFound('Checklist item', '確認項目');
  const { item, section, group } = at.entry;
  const today = japanToday(useCaseContext(c).now());
  const recording = mayRecordItems(viewer, loaded.inspection);
  const answer =
    state?.form === 'answer' ? fields(state.values, state.errors) : fields(answerValues(item, today));
  const recheck =
    state?.form === 'recheck' ? fields(state.values, state.errors) : fields({ recheckedOn: today });
  const photoIds = [...new Set([...item.answer.photoIds, ...answer.values('keepPhotos')])];
  const base = `/inspections/${loaded.inspection.id}`;
  const finding = item.finding;
  const mayRecheck = recording && finding?.status === 'reported';
  return sendPage(
    c,
    <Layout p={p} title={t.itemTitle(item.label)}>
      <p>
        <a href={`${base}#checklist`}>← {t.backToInspection}</a>（{loaded.organisationName}）
      </p>
      <p class="hint">
        {t.itemOf(at.index + 1, loaded.items.length)} ・{' '}
        {t.progressText(loaded.progress.answered, loaded.progress.total)}
      </p>
      <p class="label">{p.lang === 'ja' ? section.heading : section.headingEn}</p>
      {group.heading && <p class="label">{p.lang === 'ja' ? group.heading : group.headingEn}</p>}
      <div class="item-box">
        {item.condition && (
          <p class="hint">
            {t.condition}: {p.lang === 'ja' ? item.condition : (item.conditionEn ?? item.condition)}
          </p>
        )}
        <p class="item-question">{p.lang === 'ja' ? item.text : item.textEn}</p>
        {item.note && (
          <p class="hint">
            {t.note}: {p.lang === 'ja' ? item.note : (item.noteEn ?? item.note)}
          </p>
        )}
      </div>
      {state && <ErrorSummary p={p} f={state.form === 'answer' ? answer : recheck} />}
      {recording && !(finding && finding.status !== 'open') ? (
        <AnswerForm p={p} loaded={loaded} item={item} f={answer} photoIds={photoIds} />
      ) : (
        <>
          {!recording && loaded.inspection.status === 'in_progress' && <p class="hint">{t.readOnly}</p>}
          <StoredAnswer p={p} item={item} />
          <Photos p={p} f={answer} ids={item.answer.photoIds} editable={false} />
        </>
      )}
      {finding && (
        <section aria-labelledby="finding-title" class="card">
          <h2 id="finding-title">{t.finding}</h2>
          <p>
            <FindingBadge p={p} finding={finding} today={today} /> {t.findingDue}:{' '}
            <DateText p={p} date={finding.dueOn} />
          </p>
          {finding.improvementReport && (
            <>
              <p class="label">{t.improvementReport}</p>
              <p class="pre">{finding.improvementReport}</p>
            </>
          )}
          <p>
            <a href={`${base}#finding-${finding.id}`}>{t.findings}</a>
          </p>
          {mayRecheck && <RecheckForm p={p} loaded={loaded} item={item} f={recheck} />}
        </section>
      )}
      <nav class="pager" aria-label={t.checklist}>
        {at.previous && <a href={`${base}/items/${at.previous}`}>← {t.previous}</a>}
        {at.next && <a href={`${base}/items/${at.next}`}>{t.next} →</a>}
      </nav>
    </Layout>,
    status,
  );
}

export const itemPage = (c: Context<AppEnv>) => showItem(c);

const ANSWER_FIELDS: Record<string, string> = { photoIds: 'photo' };

/**
 * Saves one item through recordItem. A photo goes through the attachments use case first (type
 * sniffing, size, SHA-256) for the inspection's ward; if the answer is then refused, the stored
 * photo stays ticked in the re-shown form, so nothing typed or taken is lost.
 */
export async function saveItemAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const id = c.req.param('id')!;
  const key = c.req.param('key')!;
  const body = await c.req.parseBody();
  const values = await readForm(c);
  const file = body.photo instanceof File && body.photo.size > 0 ? body.photo : undefined;
  const input = () => ({
    result: one(values.result) || undefined,
    checkedOn: one(values.checkedOn),
    observation: one(values.observation) || null,
    improvementDueOn: one(values.improvementDueOn) || null,
    remoteMethod: one(values.remoteMethod) || null,
    photoIds: list(values.keepPhotos),
    version: versionOf(values),
  });
  const toField = (path: string) => ANSWER_FIELDS[path.split('.')[0]!] ?? path;
  const refuse = (errors: FormError[], status: number) =>
    showItem(c, { form: 'answer', values, errors }, status);

  let parsed = ItemBody.safeParse(input());
  if (!parsed.success) return refuse(formErrors(p, zodErrors(parsed.error), toField), 422);
  try {
    const loaded = await loadInspection(c, id);
    // a photo is stored only for someone who may record the item (the use case says why not)
    if (file && mayRecordItems(viewerOf(p), loaded.inspection)) {
      const photo = await uploadAttachment(ctx, {
        filename: file.name,
        declaredType: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
        purpose: 'photo',
        wardId: loaded.inspection.wardId,
      });
      values.keepPhotos = [...list(values.keepPhotos), photo.id];
      parsed = ItemBody.safeParse(input());
      if (!parsed.success) return refuse(formErrors(p, zodErrors(parsed.error), toField), 422);
    }
    const { version, ...answer } = parsed.data;
    await recordItem(ctx, id, key, answer, version ?? 0);
  } catch (error) {
    const refused = refusal(p, error, toField);
    return refuse(refused.errors, refused.status);
  }
  const loaded = await loadInspection(c, id);
  const at = itemAt(loaded, key);
  const next = one(values.after) === 'next' ? at?.next : key;
  const target = next ? `/inspections/${id}/items/${next}` : `/inspections/${id}`;
  return c.redirect(`${target}?notice=itemSaved${next ? '' : '#checklist'}`, 303);
}

const RECHECK_FIELDS: Record<string, string> = { result: 'recheckResult', note: 'recheckNote' };

/** 再確認: the date and result written on the item; improved closes the finding. */
export async function recheckAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const id = c.req.param('id')!;
  const key = c.req.param('key')!;
  const values = await readForm(c);
  const toField = (path: string) => RECHECK_FIELDS[path] ?? path;
  const refuse = (errors: FormError[], status: number) =>
    showItem(c, { form: 'recheck', values, errors }, status);
  const parsed = RecheckBody.safeParse({
    recheckedOn: one(values.recheckedOn),
    result: one(values.recheckResult) || undefined,
    note: one(values.recheckNote) || null,
    newDueOn: one(values.newDueOn) || null,
    version: versionOf(values),
  });
  if (!parsed.success) return refuse(formErrors(p, zodErrors(parsed.error), toField), 422);
  try {
    const { version, ...recheck } = parsed.data;
    await recheckItem(useCaseContext(c), id, key, recheck, version ?? 0);
  } catch (error) {
    const refused = refusal(p, error, toField);
    return refuse(refused.errors, refused.status);
  }
  return c.redirect(`/inspections/${id}/items/${key}?notice=saved`, 303);
}
