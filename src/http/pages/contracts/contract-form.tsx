import type { ZodError } from 'zod';
import type { Contract } from '../../../domain/contracts/contract.repository.js';
import { CERTIFICATIONS, PROCESSING_MODES } from '../../../domain/contracts/contract.repository.js';
import type { FieldError } from '../../../domain/shared/errors.js';
import { validationFromZod } from '../../problem.js';
import {
  ChoiceGroup,
  Csrf,
  ErrorSummary,
  type Fields,
  type FormError,
  type FormValues,
  formErrors,
  type Option,
  SelectField,
  TextArea,
  TextField,
} from '../components/form.js';
import type { PageCtx } from '../page-context.js';

// The contract form (委託契約の登録・変更): the same fields as the API's NewContract schema, read
// from an HTML form and validated by that schema.

const MEASURE_FIELDS = [
  'wardMeasures.operational',
  'wardMeasures.system',
  'contractorMeasures.operational',
  'contractorMeasures.system',
] as const;

const lines = (v: string | string[] | undefined) =>
  String(v ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const orNull = (s: string) => (s === '' ? null : s);

/** Full-width digits, commas and 円 are what people type; anything else is not an amount. */
function amount(raw: string): number | null | 'invalid' {
  const s = raw.normalize('NFKC').replace(/[,\s円]/g, '');
  if (s === '') return null;
  return /^\d{1,15}$/.test(s) ? Number(s) : 'invalid';
}

/** The form's values as the API's request body; errors the schema cannot word well come back too. */
export function contractInputFrom(p: PageCtx, v: FormValues) {
  const errors: FormError[] = [];
  const amountYen = amount(one(v.amountYen));
  if (amountYen === 'invalid') errors.push({ field: 'amountYen', text: p.t.contracts.amountInvalid });
  const handles = one(v.handlesPersonalInfo);
  const input = {
    departmentId: one(v.departmentId),
    contractorOrgId: one(v.contractorOrgId),
    title: one(v.title),
    contractNumber: orNull(one(v.contractNumber)),
    contractDate: orNull(one(v.contractDate)),
    periodFrom: one(v.periodFrom),
    periodTo: one(v.periodTo),
    amountYen: amountYen === 'invalid' ? null : amountYen,
    place: orNull(one(v.place)),
    handlesPersonalInfo: handles === 'true' ? true : handles === 'false' ? false : undefined,
    processingModes: many(v.processingModes),
    selectionMethod: orNull(one(v.selectionMethod)),
    requiredCertifications: many(v.requiredCertifications),
    workDescription: orNull(one(v.workDescription)),
    reason: orNull(one(v.reason)),
    wardMeasures: {
      operational: lines(v['wardMeasures.operational']),
      system: lines(v['wardMeasures.system']),
    },
    contractorMeasures: {
      operational: lines(v['contractorMeasures.operational']),
      system: lines(v['contractorMeasures.system']),
    },
  };
  return { input, errors };
}

/** A contract as form values, to edit it. */
export function contractValues(k: Contract): FormValues {
  return {
    departmentId: k.departmentId,
    contractorOrgId: k.contractorOrgId,
    title: k.title,
    contractNumber: k.contractNumber ?? '',
    contractDate: k.contractDate ?? '',
    periodFrom: k.periodFrom,
    periodTo: k.periodTo,
    amountYen: k.amountYen ?? '',
    place: k.place ?? '',
    handlesPersonalInfo: String(k.handlesPersonalInfo),
    processingModes: k.processingModes,
    selectionMethod: k.selectionMethod ?? '',
    requiredCertifications: k.requiredCertifications,
    workDescription: k.workDescription ?? '',
    reason: k.reason ?? '',
    'wardMeasures.operational': k.wardMeasures.operational.join('\n'),
    'wardMeasures.system': k.wardMeasures.system.join('\n'),
    'contractorMeasures.operational': k.contractorMeasures.operational.join('\n'),
    'contractorMeasures.system': k.contractorMeasures.system.join('\n'),
    version: String(k.version),
  };
}

/** Field errors (from the schema or the use case) beside the field they concern. */
export function contractFormErrors(p: PageCtx, errors: FieldError[], v: FormValues): FormError[] {
  return formErrors(p, errors, (path) => path.replace(/\.\d+$/, '')).map((e) =>
    e.field && one(v[e.field]) === '' && !MEASURE_FIELDS.includes(e.field as never)
      ? { ...e, text: e.field.endsWith('Id') ? p.t.contracts.choose : p.t.contracts.blank }
      : e,
  );
}

export function zodErrors(error: ZodError): FieldError[] {
  return validationFromZod(error, 'form').errors;
}

export function ContractForm({
  p,
  f,
  action,
  departments,
  companies,
  editing,
}: {
  p: PageCtx;
  f: Fields;
  action: string;
  departments: Option[];
  companies: Option[];
  editing: boolean;
}) {
  const t = p.t.contracts.fields;
  const required = true;
  return (
    <form method="post" action={action} novalidate>
      <ErrorSummary p={p} f={f} />
      <Csrf p={p} />
      {editing && <input type="hidden" name="version" value={f.value('version')} />}
      <TextField p={p} f={f} name="title" label={t.title} required={required} />
      <TextField p={p} f={f} name="contractNumber" label={t.contractNumber} hint={t.contractNumberHint} />
      <SelectField
        p={p}
        f={f}
        name="departmentId"
        label={t.departmentId}
        options={departments}
        blank=""
        required
      />
      {!editing && (
        <SelectField
          p={p}
          f={f}
          name="contractorOrgId"
          label={t.contractorOrgId}
          options={companies}
          blank=""
          required
        />
      )}
      <TextField p={p} f={f} name="contractDate" label={t.contractDate} type="date" short />
      <TextField p={p} f={f} name="periodFrom" label={t.periodFrom} type="date" required short />
      <TextField p={p} f={f} name="periodTo" label={t.periodTo} type="date" required short />
      <TextField
        p={p}
        f={f}
        name="amountYen"
        label={t.amountYen}
        hint={t.amountHint}
        inputmode="numeric"
        short
      />
      <TextField p={p} f={f} name="place" label={t.place} />
      <ChoiceGroup
        p={p}
        f={f}
        name="handlesPersonalInfo"
        legend={t.handlesPersonalInfo}
        type="radio"
        options={['true', 'false'].map((v) => ({ value: v, label: p.t.contracts.handles[v]! }))}
      />
      <ChoiceGroup
        p={p}
        f={f}
        name="processingModes"
        legend={t.processingModes}
        options={PROCESSING_MODES.map((m) => ({ value: m, label: p.t.contracts.modes[m]! }))}
      />
      <TextField p={p} f={f} name="selectionMethod" label={t.selectionMethod} />
      <ChoiceGroup
        p={p}
        f={f}
        name="requiredCertifications"
        legend={t.requiredCertifications}
        options={CERTIFICATIONS.map((m) => ({ value: m, label: p.t.contracts.certifications[m]! }))}
      />
      <TextArea p={p} f={f} name="workDescription" label={t.workDescription} />
      <TextArea p={p} f={f} name="reason" label={t.reason} />
      {(['wardMeasures', 'contractorMeasures'] as const).map((group) => (
        <fieldset>
          <legend>{t[group]}</legend>
          <TextArea p={p} f={f} name={`${group}.operational`} label={t.operational} hint={t.linesHint} />
          <TextArea p={p} f={f} name={`${group}.system`} label={t.system} hint={t.linesHint} />
        </fieldset>
      ))}
      <div class="actions">
        <button type="submit">{p.t.common.save}</button>
      </div>
    </form>
  );
}
