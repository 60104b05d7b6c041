import type { Context } from 'hono';
import {
  readLinkedHandler,
  uploadPledgeThroughLink,
} from '../../../domain/answer-links/upload-pledge-through-link.js';
import { NotFoundError } from '../../../domain/shared/errors.js';
import { toJapanTimeText } from '../../../domain/shared/japan-date.js';
import type { AppEnv } from '../../app-env.js';
import { PledgeInput } from '../../schemas/handlers.js';
import { Details, TimeText } from '../components/common.js';
import {
  ErrorSummary,
  type FormError,
  type FormValues,
  fieldId,
  fields,
  formErrors,
  TextField,
} from '../components/form.js';
import { firstValue, readForm, refusal } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { sendPage } from '../render.js';
import { linkText, pledgeText } from './i18n.js';
import { linkGonePage } from './link-gone.js';
import { LinkLayout } from './link-layout.js';
import type { LinkPage } from './link-page-context.js';

/** The pledge upload a pledge link offers: the copy, the date signed, what it binds. */
export async function showPledgeForm(
  c: Context<AppEnv>,
  { p, ctx, opened, formProof }: LinkPage,
  state: { values?: FormValues; errors?: FormError[]; status?: number } = {},
) {
  const handler = await readLinkedHandler(ctx, opened);
  if (!handler) return linkGonePage(c);
  const t = pledgeText(p.lang);
  const { link } = opened;
  const f = fields(state.values ?? {}, state.errors);
  const fileErrors = f.errors('file');
  return sendPage(
    c,
    <LinkLayout p={p} title={t.title}>
      <p>
        {p.msg({
          ja: t.lead(link.contact.name, link.contact.organisation, handler.fullName),
          en: t.lead(link.contact.name, link.contact.organisation, handler.fullName),
        })}
      </p>
      <Details
        rows={[
          [t.handler, handler.fullName],
          [linkText(p.lang).organisation, link.contact.organisation],
          [linkText(p.lang).expires, <TimeText at={link.expiresAt} />],
        ]}
      />
      <form method="post" action={p.url.pathname} enctype="multipart/form-data" novalidate>
        <ErrorSummary p={p} f={f} />
        <input type="hidden" name="_csrf" value={formProof} />
        <div class="field">
          <label for={fieldId('file')}>
            {t.file}
            <span class="req">{p.t.common.required}</span>
          </label>
          {fileErrors.length > 0 && (
            <p class="field-error" id={`${fieldId('file')}-error`}>
              {fileErrors.join(' / ')}
            </p>
          )}
          <input
            type="file"
            id={fieldId('file')}
            name="file"
            accept="application/pdf,image/png,image/jpeg"
            aria-invalid={fileErrors.length ? 'true' : undefined}
            aria-describedby={fileErrors.length ? `${fieldId('file')}-error` : undefined}
          />
        </div>
        <TextField p={p} f={f} name="signedOn" label={t.signedOn} type="date" required />
        <TextField p={p} f={f} name="wordingVersion" label={t.wordingVersion} />
        <div class="checks">
          <label>
            <input type="checkbox" name="bindsAfterContract" checked={f.checked('bindsAfterContract')} />
            {t.bindsAfterContract}
          </label>
          <label>
            <input type="checkbox" name="bindsAfterLeaving" checked={f.checked('bindsAfterLeaving')} />
            {t.bindsAfterLeaving}
          </label>
        </div>
        <div class="actions">
          <button type="submit">{t.submit}</button>
        </div>
      </form>
    </LinkLayout>,
    state.status ?? 200,
  );
}

/** The pledge posted through the link (its proof already checked): the copy, then the record. */
export async function submitPledge(c: Context<AppEnv>, page: LinkPage) {
  const { p, ctx, opened } = page;
  const t = pledgeText(p.lang);
  const body = await c.req.parseBody();
  const values = await readForm(c);
  const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
  const parsed = PledgeInput.safeParse({
    signedOn: firstValue(values.signedOn),
    wordingVersion: firstValue(values.wordingVersion).trim() || null,
    bindsAfterContract: firstValue(values.bindsAfterContract) === 'on',
    bindsAfterLeaving: firstValue(values.bindsAfterLeaving) === 'on',
  });
  const errors: FormError[] = parsed.success ? [] : formErrors(p, zodErrors(parsed.error));
  if (!file) errors.push({ field: 'file', text: t.fileMissing });
  if (!parsed.success || !file) return showPledgeForm(c, page, { values, errors, status: 422 });
  let at: Date;
  try {
    await uploadPledgeThroughLink(ctx, opened, {
      file: { filename: file.name, declaredType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) },
      signedOn: parsed.data.signedOn,
      wordingVersion: parsed.data.wordingVersion ?? null,
      bindsAfterContract: parsed.data.bindsAfterContract ?? false,
      bindsAfterLeaving: parsed.data.bindsAfterLeaving ?? false,
    });
    at = ctx.now();
  } catch (error) {
    if (error instanceof NotFoundError) return linkGonePage(c);
    const refused = refusal(p, error, (path) => (path === 'filename' || path === 'file' ? 'file' : path));
    return showPledgeForm(c, page, { values, errors: refused.errors, status: refused.status });
  }
  return sendPage(
    c,
    <LinkLayout p={p} title={t.doneTitle}>
      <p role="status">{linkText(p.lang).done(toJapanTimeText(at))}</p>
    </LinkLayout>,
  );
}
