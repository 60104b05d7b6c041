import type { Certification } from '../../../domain/certifications/certification.repository.js';
import type { Standing } from '../../../domain/certifications/certification-standing.js';
import { Badge, DateText } from '../components/common.js';
import { type Fields, fieldId, TextArea, TextField } from '../components/form.js';
import type { PageCtx } from '../page-context.js';

// Pieces the certification pages and the contract page share: a standing as a badge, the copy's
// link, and the form's fields (the kind is chosen only when recording one).

const TONE: Record<Standing | 'withdrawn', string> = {
  valid: 'approved',
  expiring: 'submitted',
  expired: 'rejected',
  missing: 'rejected',
  withdrawn: 'closed',
};

export function StandingBadge({ p, standing }: { p: PageCtx; standing: Standing | 'withdrawn' }) {
  return <Badge status={TONE[standing]} label={p.t.certifications.standing[standing]} />;
}

export const copyHref = (c: Pick<Certification, 'organisationId' | 'id'>) =>
  `/companies/${c.organisationId}/certifications/${c.id}/copy`;

export function CopyLink({ p, c }: { p: PageCtx; c: Certification }) {
  const t = p.t.certifications;
  if (!c.attachmentId) return <span>{t.noCopy}</span>;
  return (
    <a href={copyHref(c)} aria-label={t.download(t.kinds[c.kind] ?? c.kind)}>
      {t.fields.copy}
    </a>
  );
}

/** The fields of a certification; the file input keeps the attachments' own checks (type, size). */
export function CertificationFields({ p, f }: { p: PageCtx; f: Fields }) {
  const t = p.t.certifications;
  const fileErrors = f.errors('file');
  return (
    <>
      <TextField p={p} f={f} name="number" label={t.fields.number} required />
      <TextArea p={p} f={f} name="scope" label={t.fields.scope} hint={t.scopeHint} rows={2} />
      <TextField p={p} f={f} name="issuer" label={t.fields.issuer} required />
      <TextField p={p} f={f} name="validFrom" label={t.fields.validFrom} type="date" short />
      <TextField p={p} f={f} name="validUntil" label={t.fields.validUntil} type="date" short required />
      <div class="field">
        <label for={fieldId('file')}>{t.fields.file}</label>
        <span class="hint" id={`${fieldId('file')}-hint`}>
          {t.fileHint}
        </span>
        {fileErrors.map((e) => (
          <p class="field-error" id={`${fieldId('file')}-error`}>
            {e}
          </p>
        ))}
        <input
          type="file"
          id={fieldId('file')}
          name="file"
          accept="application/pdf,image/png,image/jpeg"
          aria-describedby={`${fieldId('file')}-hint${fileErrors.length ? ` ${fieldId('file')}-error` : ''}`}
          aria-invalid={fileErrors.length ? 'true' : undefined}
        />
      </div>
    </>
  );
}

/** Valid from – until, either end possibly open. */
export function Validity({ p, c }: { p: PageCtx; c: Pick<Certification, 'validFrom' | 'validUntil'> }) {
  return (
    <span>
      {c.validFrom && (
        <>
          <DateText p={p} date={c.validFrom} /> ～{' '}
        </>
      )}
      <DateText p={p} date={c.validUntil} />
    </span>
  );
}
