import { mediumIdentity, type RegisterDocument } from '../../../domain/registers/register-document.js';
import type { FormError, FormValues } from '../components/form.js';
import type { PageCtx } from '../page-context.js';

// The sub-contracting application form (再委託の承認申請, toshima 別紙7 第7条) read into the API's
// SubdelegationApplicationInput: items are picked from the parent's register by their stable key,
// so what is applied for is exactly what the parent holds.

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const lines = (v: string | string[] | undefined) =>
  str(v)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** A medium's value in the form: its identity, which survives a reload (unlike its position). */
export const mediumValue = (m: { kind: string; name: string }) =>
  mediumIdentity(m as never).replace('\u0000', '|');

export function subcontractInputFrom(p: PageCtx, v: FormValues, parent: RegisterDocument) {
  const picked = new Set(list(v.pick));
  const pickedMedia = new Set(list(v.medium));
  const errors: FormError[] = [];
  const subjectGroups = parent.subjectGroups
    .map((g) => ({
      name: g.name,
      items: g.items
        .filter((i) => picked.has(i.key))
        .map((i) => ({
          key: i.key,
          name: i.name,
          catalogueCode: i.catalogueCode,
          direction: i.direction,
          includesPastYears: i.includesPastYears,
          specialCategory: i.specialCategory,
          myNumber: i.myNumber,
        })),
    }))
    .filter((g) => g.items.length > 0);
  if (!subjectGroups.length) errors.push({ field: 'pick', text: p.t.subcontract.pickSome });
  const existing = str(v.mode) !== 'new';
  const subcontractor = existing
    ? { organisationId: str(v.subcontractorId) }
    : {
        name: str(v.newName),
        corporateNumber: str(v.newCorporateNumber).normalize('NFKC') || null,
        address: str(v.newAddress) || null,
      };
  const input = {
    subcontractor,
    title: str(v.title) || undefined,
    reason: str(v.reason),
    scope: str(v.scope),
    portion: str(v.portion),
    register: { subjectGroups, media: parent.media.filter((m) => pickedMedia.has(mediumValue(m))) },
    safetyMeasures: lines(v.safetyMeasures),
    supervisionMethod: str(v.supervisionMethod),
    periodFrom: str(v.periodFrom),
    periodTo: str(v.periodTo),
  };
  const toField = (path: string): string | undefined => {
    if (path.startsWith('subcontractor')) {
      if (!existing)
        return path.endsWith('corporateNumber')
          ? 'newCorporateNumber'
          : path.endsWith('address')
            ? 'newAddress'
            : 'newName';
      return 'subcontractorId';
    }
    if (path.startsWith('register.media')) return 'medium';
    if (path.startsWith('register')) return 'pick';
    const top = path.split('.')[0]!;
    return [
      'title',
      'reason',
      'scope',
      'portion',
      'safetyMeasures',
      'supervisionMethod',
      'periodFrom',
      'periodTo',
    ].includes(top)
      ? top
      : undefined;
  };
  return { input, errors, toField };
}
