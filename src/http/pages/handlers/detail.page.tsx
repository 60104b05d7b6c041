import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import { uploadAttachment } from '../../../domain/attachments/upload-attachment.js';
import { getHandler, recordPledge, recordTraining } from '../../../domain/handlers/manage-handlers.js';
import { listOrganisations } from '../../../domain/organisations/list-organisations.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { PledgeInput, TrainingInput } from '../../schemas/handlers.js';
import { DateText, TableWrap } from '../components/common.js';
import {
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fieldId,
  fields,
  formErrors,
  SelectField,
  TextField,
} from '../components/form.js';
import { readForm, refusal } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { mayDo } from '../guard.js';
import { Layout } from '../layout.js';
import { pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/** 取扱者: one person's pledges (誓約書, with the stored copy) and training (研修), and forms for both. */
async function showHandler(c: Context<AppEnv>, values: FormValues, errors: FormError[], status = 200) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const handler = await getHandler(ctx, c.req.param('id')!);
  const mayUpdate = viewer.ability.can('update', asSubject('Handler', handler));
  const wards = mayUpdate ? (await listOrganisations(ctx, { kind: 'ward', limit: 50 })).items : [];
  const f = fields({ wardId: wards[0]?.id ?? '', ...values }, errors);
  const t = p.t.handlers;
  return sendPage(
    c,
    <Layout p={p} title={t.detailTitle(handler.fullName)}>
      <p>
        {handler.fullNameKana ?? ''} {handler.jobTitle ?? ''}
      </p>
      <ErrorSummary p={p} f={f} />
      <h2>{t.pledges}</h2>
      {handler.pledges.length === 0 ? (
        <p>{t.noPledges}</p>
      ) : (
        <ul>
          {handler.pledges.map((pledge) => (
            <li>
              <DateText p={p} date={pledge.signedOn} />{' '}
              {pledge.attachmentId && <a href={`/attachments/${pledge.attachmentId}`}>{t.copy}</a>}
            </li>
          ))}
        </ul>
      )}
      {mayUpdate && (
        <form
          method="post"
          action={`/handlers/${handler.id}/pledges`}
          enctype="multipart/form-data"
          novalidate
        >
          <Csrf p={p} />
          <TextField p={p} f={f} name="signedOn" label={t.signedOn} type="date" required short />
          <div class="field">
            <label for={fieldId('file')}>{t.file}</label>
            <span class="hint" id={`${fieldId('file')}-hint`}>
              {t.fileHint}
            </span>
            {f.errors('file').map((e) => (
              <p class="field-error" id={`${fieldId('file')}-error`}>
                {e}
              </p>
            ))}
            <input
              type="file"
              id={fieldId('file')}
              name="file"
              accept="application/pdf,image/png,image/jpeg"
              aria-describedby={`${fieldId('file')}-hint${f.errors('file').length ? ` ${fieldId('file')}-error` : ''}`}
              aria-invalid={f.errors('file').length ? 'true' : undefined}
            />
          </div>
          {wards.length > 0 && (
            <SelectField
              p={p}
              f={f}
              name="wardId"
              label={t.ward}
              options={wards.map((w) => ({ value: w.id, label: w.name }))}
              short
            />
          )}
          <button type="submit">{t.recordPledge}</button>
        </form>
      )}
      <h2>{t.trainings}</h2>
      {handler.trainings.length === 0 ? (
        <p>{t.noTrainings}</p>
      ) : (
        <TableWrap p={p} label={t.trainings}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.heldOn}</th>
                <th scope="col">{t.subject}</th>
              </tr>
            </thead>
            <tbody>
              {handler.trainings.map((tr) => (
                <tr>
                  <td>
                    <DateText p={p} date={tr.heldOn} />
                  </td>
                  <td>{tr.subject}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {mayUpdate && (
        <form method="post" action={`/handlers/${handler.id}/trainings`} novalidate>
          <Csrf p={p} />
          <TextField p={p} f={f} name="heldOn" label={t.heldOn} type="date" required short />
          <TextField p={p} f={f} name="subject" label={t.subject} required />
          <button type="submit">{t.recordTraining}</button>
        </form>
      )}
    </Layout>,
    status,
  );
}

export const handlerDetailPage = (c: Context<AppEnv>) => showHandler(c, {}, []);

/**
 * 誓約書の登録: the signed copy goes through the attachments use case (size, type sniffing,
 * SHA-256), then the pledge is recorded with it. The date is checked first, so a bad date stores
 * no file; the policy is checked first, so a refused person stores none either.
 */
export async function recordPledgeAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const handler = await getHandler(ctx, c.req.param('id')!);
  mayDo(c, 'update', 'Handler', handler);
  const body = await c.req.parseBody();
  const values = await readForm(c);
  const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
  const parsed = PledgeInput.safeParse({ signedOn: str(values.signedOn) });
  if (!parsed.success) return showHandler(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    const attachment = file
      ? await uploadAttachment(ctx, {
          filename: file.name,
          declaredType: file.type,
          bytes: new Uint8Array(await file.arrayBuffer()),
          purpose: 'pledge',
          wardId: str(values.wardId) || null,
        })
      : undefined;
    await recordPledge(ctx, handler.id, {
      signedOn: parsed.data.signedOn,
      attachmentId: attachment?.id ?? null,
    });
  } catch (error) {
    const refused = refusal(p, error);
    return showHandler(c, values, refused.errors, refused.status);
  }
  return redirectWithNotice(c, `/handlers/${handler.id}`, 'uploaded');
}

/** 研修の記録 */
export async function recordTrainingAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const values = await readForm(c);
  const parsed = TrainingInput.safeParse({ heldOn: str(values.heldOn), subject: str(values.subject) });
  if (!parsed.success) return showHandler(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    await recordTraining(useCaseContext(c), c.req.param('id')!, parsed.data);
  } catch (error) {
    const refused = refusal(p, error);
    return showHandler(c, values, refused.errors, refused.status);
  }
  return redirectWithNotice(c, `/handlers/${c.req.param('id')}`, 'saved');
}
