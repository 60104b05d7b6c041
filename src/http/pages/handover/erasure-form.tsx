import type { Contract } from '../../../domain/contracts/contract.repository.js';
import { ERASURE_METHODS, ERASURE_SCOPES, WITNESS_SIDES } from '../../../domain/erasure/erasure-terms.js';
import type { HandoverPackage } from '../../../domain/handover/package.repository.js';
import { MEDIA_KINDS, type RegisterDocument } from '../../../domain/registers/register-document.js';
import { TableWrap } from '../components/common.js';
import {
  ChoiceGroup,
  Csrf,
  ErrorSummary,
  type Fields,
  fieldId,
  type Option,
  SelectField,
  TextArea,
  TextField,
} from '../components/form.js';
import type { PageCtx } from '../page-context.js';
import { RowsTable } from './erasure-rows.js';
import { optionsOf } from './shared.js';

// 消去の記録 (seed 003 特記事項14–15, 丙12–13): what (items, packages, media, devices, paper), how,
// when, by whom, witnessed by whom, with evidence files. One form; the repeating parts are tables.

function ItemsTable({ p, f, doc }: { p: PageCtx; f: Fields; doc: RegisterDocument }) {
  const t = p.t.handover;
  const options = optionsOf(t.disposition, ['none', 'erased', 'returned']);
  const errors = f.errors('items');
  return (
    <fieldset class="field" id={fieldId('items')}>
      <legend>
        {t.erasedItems}
        <span class="req">{p.t.common.required}</span>
      </legend>
      <span class="hint">{t.erasedItemsHint}</span>
      {errors.length > 0 && <p class="field-error">{errors.join(' / ')}</p>}
      <TableWrap p={p} label={t.erasedItems}>
        <table>
          <thead>
            <tr>
              <th scope="col">{p.t.register.group}</th>
              <th scope="col">{p.t.register.item}</th>
              <th scope="col">{p.t.register.direction}</th>
              <th scope="col">{t.dispositionCol}</th>
            </tr>
          </thead>
          <tbody>
            {doc.subjectGroups.flatMap((g) =>
              g.items.map((i) => {
                const name = `item.${i.key}`;
                return (
                  <tr>
                    <td>{g.name}</td>
                    <th scope="row">{i.name}</th>
                    <td>{p.t.register.directions[i.direction]}</td>
                    <td>
                      <label class="sr-only" for={fieldId(name)}>
                        {`${g.name} ${i.name}（${p.t.register.directions[i.direction]}）`}
                      </label>
                      <select id={fieldId(name)} name={name}>
                        {options.map((o) => (
                          <option value={o.value} selected={(f.value(name) || 'none') === o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </TableWrap>
    </fieldset>
  );
}

/** Each way of erasing: a checkbox, and its software name and details. */
function MethodsTable({ p, f }: { p: PageCtx; f: Fields }) {
  const t = p.t.handover;
  const errors = f.errors('methods');
  return (
    <fieldset class="field" id={fieldId('methods')}>
      <legend>{t.methods}</legend>
      {errors.length > 0 && <p class="field-error">{errors.join(' / ')}</p>}
      {ERASURE_METHODS.map((m) => (
        <div class="method">
          <label>
            <input type="checkbox" name="methods" value={m} checked={f.checked('methods', m)} />
            {t.method[m]}
          </label>
          {m === 'erasure_software' && (
            <TextField p={p} f={f} name={`method.${m}.software`} label={t.software} />
          )}
          <TextField p={p} f={f} name={`method.${m}.detail`} label={`${t.method[m]}：${t.methodDetail}`} />
        </div>
      ))}
    </fieldset>
  );
}

export function ErasureForm(props: {
  p: PageCtx;
  f: Fields;
  contract: Contract;
  doc: RegisterDocument;
  packages: HandoverPackage[];
  people: Option[];
  evidence: Array<{ id: string; filename: string }>;
}) {
  const { p, f, contract, doc, packages, people, evidence } = props;
  const t = p.t.handover;
  return (
    <form method="post" action="/handover/erasures/new" enctype="multipart/form-data">
      <ErrorSummary p={p} f={f} />
      <Csrf p={p} />
      <input type="hidden" name="contractId" value={contract.id} />
      <p>
        {t.contract}: <a href={`/contracts/${contract.id}`}>{contract.title}</a>
      </p>
      <ChoiceGroup
        p={p}
        f={f}
        name="scope"
        legend={t.scope}
        type="radio"
        options={optionsOf(t.scopes, ERASURE_SCOPES)}
      />
      <ItemsTable p={p} f={f} doc={doc} />
      {packages.length > 0 && (
        <ChoiceGroup
          p={p}
          f={f}
          name="packageIds"
          legend={t.erasedPackages}
          options={packages.map((x) => ({
            value: x.id,
            label: `${x.number}　${x.title}（${t.packageStatus[x.status]}・SHA-256 ${x.ciphertextSha256.slice(0, 16)}…）`,
          }))}
        />
      )}
      <RowsTable
        p={p}
        f={f}
        table="media"
        caption={t.media}
        columns={[
          { name: 'kind', label: t.mediaKind, options: optionsOf(p.t.register.mediaKinds, MEDIA_KINDS) },
          { name: 'description', label: t.description },
        ]}
      />
      <RowsTable
        p={p}
        f={f}
        table="devices"
        caption={t.devices}
        columns={[
          { name: 'description', label: t.description },
          { name: 'serialNumber', label: t.serial },
        ]}
      />
      <RowsTable
        p={p}
        f={f}
        table="paper"
        caption={t.paper}
        columns={[
          { name: 'description', label: t.description },
          { name: 'quantity', label: t.quantity },
        ]}
      />
      <MethodsTable p={p} f={f} />
      <TextField p={p} f={f} name="erasedAt" label={t.erasedAtField} type="datetime-local" required />
      <SelectField p={p} f={f} name="performedBy" label={t.performedBy} options={people} blank="" required />
      <RowsTable
        p={p}
        f={f}
        table="witnesses"
        caption={t.witnesses}
        min={1}
        columns={[
          { name: 'name', label: t.witnessName },
          { name: 'side', label: t.witnessSide, options: optionsOf(t.witnessSides, WITNESS_SIDES) },
          { name: 'organisationName', label: t.witnessOrg },
        ]}
      />
      {evidence.length > 0 && (
        <div class="field">
          <p>{t.evidenceKept}</p>
          <ul>
            {evidence.map((e) => (
              <li>
                {e.filename}
                <input type="hidden" name="evidenceIds" value={e.id} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="field">
        <label for={fieldId('evidence')}>{t.evidence}</label>
        {f.errors('evidence').map((e) => (
          <p class="field-error">{e}</p>
        ))}
        <input type="file" id={fieldId('evidence')} name="evidence" multiple accept=".pdf,.png,.jpg,.jpeg" />
      </div>
      <TextArea p={p} f={f} name="note" label={t.note} rows={3} />
      <button type="submit">{t.saveErasure}</button>
    </form>
  );
}
