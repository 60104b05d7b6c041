import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { uploadAttachment } from '../../../domain/attachments/upload-attachment.js';
import {
  CERTIFICATION_KINDS,
  type Certification,
} from '../../../domain/certifications/certification.repository.js';
import { standingOf } from '../../../domain/certifications/certification-standing.js';
import {
  checkDates,
  checkMayRecord,
  createCertification,
  getCertification,
  listCertifications,
  mayManageCertifications,
  readCertificateCopy,
  updateCertification,
  withdrawCertification,
} from '../../../domain/certifications/manage-certifications.js';
import { NotFoundError } from '../../../domain/shared/errors.js';
import { toJapanDate } from '../../../domain/shared/japan-date.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { contentDisposition } from '../../routes/attachments.routes.js';
import { requiredText, text } from '../../schemas/common.js';
import { DateText as DateSchema } from '../../schemas/contracts.js';
import { TableWrap } from '../components/common.js';
import {
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  formErrors,
  SelectField,
} from '../components/form.js';
import { firstValue, readForm, refusal, versionOf } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { CertificationFields, CopyLink, StandingBadge, Validity } from './certification-parts.js';

// 認証 of a company: the list with each one's standing and copy, and for the company's managers the
// form to record one, a page to change one and the withdrawal. A ward's staff read the same list
// (from the contract page); anyone else gets the 404 the use case gives.

const FIELDS = ['kind', 'number', 'scope', 'issuer', 'validFrom', 'validUntil'] as const;

const OptionalDate = z.preprocess((v) => (v === '' ? null : v), DateSchema.nullable());
const Shape = {
  number: requiredText(100),
  scope: text(1000),
  issuer: requiredText(200),
  validFrom: OptionalDate,
  validUntil: DateSchema,
};
const NewForm = z.object({ kind: z.enum(CERTIFICATION_KINDS), ...Shape });
const EditForm = z.object(Shape);

function CertificationRow({
  p,
  c,
  today,
  manage,
}: {
  p: PageCtx;
  c: Certification;
  today: string;
  manage: boolean;
}) {
  const t = p.t.certifications;
  const kind = t.kinds[c.kind] ?? c.kind;
  const standing = c.withdrawnAt ? 'withdrawn' : standingOf([c], c.kind, today).standing;
  return (
    <tr id={`certification-${c.id}`}>
      <th scope="row">{kind}</th>
      <td>{c.number}</td>
      <td class="pre">{c.scope ?? t.wholeCompany}</td>
      <td>{c.issuer}</td>
      <td class="nowrap">
        <Validity p={p} c={c} />
      </td>
      <td>
        <StandingBadge p={p} standing={standing} />
      </td>
      <td>
        <CopyLink p={p} c={c} />
      </td>
      {manage && (
        <td>
          {!c.withdrawnAt && (
            <div class="actions">
              <a
                class="button secondary"
                href={`/companies/${c.organisationId}/certifications/${c.id}/edit`}
                aria-label={t.editFor(kind, c.number)}
              >
                {t.edit}
              </a>
              <form method="post" action={`/companies/${c.organisationId}/certifications/${c.id}/withdraw`}>
                <Csrf p={p} />
                <input type="hidden" name="version" value={String(c.version)} />
                <button
                  type="submit"
                  class="danger"
                  data-confirm={t.withdrawConfirm}
                  aria-label={t.withdrawFor(kind, c.number)}
                >
                  {t.withdraw}
                </button>
              </form>
            </div>
          )}
        </td>
      )}
    </tr>
  );
}

async function showList(c: Context<AppEnv>, values: FormValues = {}, errors: FormError[] = [], status = 200) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const orgId = c.req.param('id')!;
  const items = await listCertifications(ctx, orgId, { includeWithdrawn: true });
  const name = (await organisationNames(ctx, [orgId])).get(orgId) ?? '';
  const manage = await mayManageCertifications(ctx, orgId);
  const today = toJapanDate(ctx.now());
  const t = p.t.certifications;
  const f = fields(values, errors);
  return sendPage(
    c,
    <Layout p={p} title={t.title(name)}>
      <ErrorSummary p={p} f={f} />
      <p>{t.intro}</p>
      <section aria-labelledby="certification-list">
        <h2 id="certification-list">{t.list}</h2>
        {items.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <TableWrap p={p} label={t.list}>
            <table>
              <caption class="sr-only">{t.list}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.fields.kind}</th>
                  <th scope="col">{t.fields.number}</th>
                  <th scope="col">{t.fields.scope}</th>
                  <th scope="col">{t.fields.issuer}</th>
                  <th scope="col">{t.fields.validUntil}</th>
                  <th scope="col">{t.fields.standing}</th>
                  <th scope="col">{t.fields.copy}</th>
                  {manage && <th scope="col">{t.edit}</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <CertificationRow p={p} c={item} today={today} manage={manage} />
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      {manage && (
        <section aria-labelledby="add-certification">
          <h2 id="add-certification">{t.add}</h2>
          <form
            method="post"
            action={`/companies/${orgId}/certifications`}
            enctype="multipart/form-data"
            novalidate
          >
            <Csrf p={p} />
            <SelectField
              p={p}
              f={f}
              name="kind"
              label={t.fields.kind}
              required
              options={CERTIFICATION_KINDS.map((k) => ({ value: k, label: t.kinds[k] ?? k }))}
            />
            <CertificationFields p={p} f={f} />
            <div class="actions">
              <button type="submit">{t.submit}</button>
            </div>
          </form>
        </section>
      )}
    </Layout>,
    status,
  );
}

async function showEdit(c: Context<AppEnv>, values?: FormValues, errors: FormError[] = [], status = 200) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const orgId = c.req.param('id')!;
  const found = await getCertification(ctx, orgId, c.req.param('certificationId')!);
  if (found.withdrawnAt || !(await mayManageCertifications(ctx, orgId))) throw notHere();
  const t = p.t.certifications;
  const kind = t.kinds[found.kind] ?? found.kind;
  const f = fields(
    values ?? {
      number: found.number,
      scope: found.scope ?? '',
      issuer: found.issuer,
      validFrom: found.validFrom ?? '',
      validUntil: found.validUntil,
    },
    errors,
  );
  return sendPage(
    c,
    <Layout p={p} title={t.editTitle(kind)}>
      <ErrorSummary p={p} f={f} />
      <p>
        <a href={`/companies/${orgId}/certifications`}>{t.back}</a>
      </p>
      <p>
        <CopyLink p={p} c={found} />
      </p>
      <form
        method="post"
        action={`/companies/${orgId}/certifications/${found.id}`}
        enctype="multipart/form-data"
        novalidate
      >
        <Csrf p={p} />
        <input type="hidden" name="version" value={firstValue(values?.version) || String(found.version)} />
        <CertificationFields p={p} f={f} />
        <div class="actions">
          <button type="submit">{t.save}</button>
        </div>
      </form>
    </Layout>,
    status,
  );
}

const notHere = () => new NotFoundError({ en: 'Not found', ja: '見つかりません' });

/** The posted file, if one was chosen, through the attachments' own checks (size, type, SHA-256). */
async function storeCopy(c: Context<AppEnv>, kind: string): Promise<string | undefined> {
  const body = await c.req.parseBody();
  const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
  if (!file) return undefined;
  const stored = await uploadAttachment(useCaseContext(c), {
    filename: file.name,
    declaredType: file.type,
    bytes: new Uint8Array(await file.arrayBuffer()),
    purpose: kind === 'privacy_mark' ? 'pmark_certificate' : 'certification',
  });
  return stored.id;
}

const valuesOf = (raw: FormValues) => Object.fromEntries(FIELDS.map((k) => [k, firstValue(raw[k])]));

export const certificationsPage = (c: Context<AppEnv>) => showList(c);
export const editCertificationPage = (c: Context<AppEnv>) => showEdit(c);

/** 認証の登録: the form is checked and the right to record it asked before the copy is stored. */
export async function createCertificationAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const orgId = c.req.param('id')!;
  await checkMayRecord(ctx, orgId);
  const values = valuesOf(await readForm(c));
  const parsed = NewForm.safeParse(values);
  if (!parsed.success) return showList(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    // the validity's order first, so a refused form stores no file
    checkDates(parsed.data.validFrom, parsed.data.validUntil);
    const attachmentId = await storeCopy(c, parsed.data.kind);
    await createCertification(ctx, orgId, { ...parsed.data, scope: parsed.data.scope || null, attachmentId });
  } catch (error) {
    const refused = refusal(p, error);
    return showList(c, values, refused.errors, refused.status);
  }
  return redirectWithNotice(c, `/companies/${orgId}/certifications`, 'created');
}

/** 認証の変更: a new copy replaces the old one only when a file is chosen. */
export async function updateCertificationAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const orgId = c.req.param('id')!;
  const id = c.req.param('certificationId')!;
  const found = await getCertification(ctx, orgId, id);
  const raw = await readForm(c);
  const values: FormValues = { ...valuesOf(raw), version: firstValue(raw.version) };
  const parsed = EditForm.safeParse(values);
  if (!parsed.success) return showEdit(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    if (!(await mayManageCertifications(ctx, orgId))) await checkMayRecord(ctx, orgId);
    checkDates(parsed.data.validFrom, parsed.data.validUntil);
    const attachmentId = await storeCopy(c, found.kind);
    await updateCertification(
      ctx,
      orgId,
      id,
      { ...parsed.data, scope: parsed.data.scope || null, ...(attachmentId ? { attachmentId } : {}) },
      versionOf(values) ?? 0,
    );
  } catch (error) {
    const refused = refusal(p, error);
    return showEdit(c, values, refused.errors, refused.status);
  }
  return redirectWithNotice(c, `/companies/${orgId}/certifications`, 'saved');
}

export async function withdrawCertificationAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const orgId = c.req.param('id')!;
  const raw = await readForm(c);
  try {
    await withdrawCertification(ctx, orgId, c.req.param('certificationId')!, versionOf(raw) ?? 0);
  } catch (error) {
    const refused = refusal(p, error);
    return showList(c, {}, refused.errors, refused.status);
  }
  return redirectWithNotice(c, `/companies/${orgId}/certifications`, 'decided');
}

/** The nav's entry: a company's own certifications; nobody else has a company of their own. */
export function ownCertificationsPage(c: Context<AppEnv>) {
  const actor = useCaseContext(c).actor;
  if (actor.organisationKind !== 'company') throw notHere();
  return c.redirect(`/companies/${actor.organisationId}/certifications`, 303);
}

export async function certificateCopy(c: Context<AppEnv>) {
  const { attachment, bytes } = await readCertificateCopy(
    useCaseContext(c),
    c.req.param('id')!,
    c.req.param('certificationId')!,
  );
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': attachment.contentType,
    'content-disposition': contentDisposition(attachment.filename),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  });
}
