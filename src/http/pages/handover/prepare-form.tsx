import type { Contract } from '../../../domain/contracts/contract.repository.js';
import type { RegisterDocument } from '../../../domain/registers/register-document.js';
import { Csrf, ErrorSummary, type Fields, fieldId, SelectField, TextField } from '../components/form.js';
import type { PageCtx } from '../page-context.js';

// The two forms of 受渡データの作成: which contract (a GET form), then the title, the data items
// picked from that contract's register and the files to encrypt (multipart).

export function ContractChoice({ p, f, contracts }: { p: PageCtx; f: Fields; contracts: Contract[] }) {
  const t = p.t.handover;
  if (!contracts.length) return <p>{t.noContracts}</p>;
  return (
    <form method="get" action="/handover/new">
      <SelectField
        p={p}
        f={f}
        name="contractId"
        label={t.chooseContract}
        hint={t.chooseContractHint}
        options={contracts.map((k) => ({ value: k.id, label: k.title }))}
        required
      />
      <button type="submit">{t.next}</button>
    </form>
  );
}

/** The register's items as checkboxes, one group per data subject (対象者の区分). */
function ItemChoices({ p, f, doc }: { p: PageCtx; f: Fields; doc: RegisterDocument }) {
  const t = p.t.handover;
  const errors = f.errors('items');
  return (
    <fieldset
      class="field"
      id={fieldId('items')}
      aria-describedby={errors.length ? 'items-error' : 'items-hint'}
    >
      <legend>
        {t.items}
        <span class="req">{p.t.common.required}</span>
      </legend>
      <span class="hint" id="items-hint">
        {t.itemsHint}
      </span>
      {errors.length > 0 && (
        <p class="field-error" id="items-error">
          {errors.join(' / ')}
        </p>
      )}
      {doc.subjectGroups.map((g) => (
        <fieldset class="checks">
          <legend>{g.name}</legend>
          {g.items.map((i) => (
            <label>
              <input type="checkbox" name="items" value={i.key} checked={f.checked('items', i.key)} />
              {i.name}（{p.t.register.directions[i.direction] ?? i.direction}）
            </label>
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}

export function PrepareForm({
  p,
  f,
  contract,
  doc,
}: {
  p: PageCtx;
  f: Fields;
  contract: Contract;
  doc: RegisterDocument;
}) {
  const t = p.t.handover;
  const fileErrors = f.errors('files');
  return (
    <form method="post" action="/handover/new" enctype="multipart/form-data">
      <ErrorSummary p={p} f={f} />
      <Csrf p={p} />
      <input type="hidden" name="contractId" value={contract.id} />
      <p>
        {t.contract}: <a href={`/contracts/${contract.id}`}>{contract.title}</a>
      </p>
      <TextField p={p} f={f} name="title" label={t.packageTitle} hint={t.packageTitleHint} required />
      <ItemChoices p={p} f={f} doc={doc} />
      <div class="field">
        <label for={fieldId('files')}>
          {t.files}
          <span class="req">{p.t.common.required}</span>
        </label>
        <span class="hint" id="files-hint">
          {t.filesHint}
        </span>
        {fileErrors.length > 0 && (
          <p class="field-error" id="files-error">
            {fileErrors.join(' / ')}
          </p>
        )}
        <input
          type="file"
          id={fieldId('files')}
          name="files"
          multiple
          required
          aria-invalid={fileErrors.length ? 'true' : undefined}
          aria-describedby={fileErrors.length ? 'files-hint files-error' : 'files-hint'}
        />
      </div>
      <button type="submit">{t.encrypt}</button>
    </form>
  );
}
