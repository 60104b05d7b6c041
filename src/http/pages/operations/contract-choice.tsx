import { listContracts } from '../../../domain/contracts/list-contracts.js';
import type { UseCaseContext } from '../../../domain/shared/context.js';
import { type Fields, SelectField } from '../components/form.js';
import type { PageCtx } from '../page-context.js';

/** The contracts being performed that the viewer may read (the rules run in SQL), for a form's choice. */
export async function activeContracts(ctx: UseCaseContext) {
  const page = await listContracts(ctx, { status: 'active', limit: 100 });
  return page.items.map((k) => ({ value: k.id, label: `${k.title}（${k.contractNumber ?? '—'}）` }));
}

export function ContractChoice({
  p,
  f,
  options,
}: {
  p: PageCtx;
  f: Fields;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <SelectField
      p={p}
      f={f}
      name="contractId"
      label={p.t.operations.reports.fields.contract}
      hint={options.length ? p.t.operations.chooseContract : p.t.operations.noContracts}
      options={options}
      blank=""
      required
    />
  );
}
