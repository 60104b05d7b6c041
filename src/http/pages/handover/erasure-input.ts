import type { RegisterDocument } from '../../../domain/registers/register-document.js';
import type { FormValues } from '../components/form.js';
import { rowsOf } from './erasure-rows.js';
import { fromLocal, str, strs } from './shared.js';

/**
 * The erasure form as the API's request body (checked by the same ErasureBody schema), and a map
 * from the body's paths back to the form's fields: `media.1.kind` of the body is the row the
 * user typed it in, `methods.0.software` is the software field of the first method ticked.
 */
export function erasureInput(
  values: FormValues,
  doc: RegisterDocument,
  contractId: string,
  evidenceIds: string[],
) {
  const items = doc.subjectGroups.flatMap((g) =>
    g.items.flatMap((i) => {
      const disposition = str(values[`item.${i.key}`]);
      return disposition === 'erased' || disposition === 'returned'
        ? [{ subjectGroup: g.name, name: i.name, direction: i.direction, disposition }]
        : [];
    }),
  );
  const media = rowsOf(values, 'media', ['kind', 'description']);
  const devices = rowsOf(values, 'devices', ['description', 'serialNumber']);
  const paper = rowsOf(values, 'paper', ['description', 'quantity']);
  const witnesses = rowsOf(values, 'witnesses', ['name', 'side', 'organisationName']);
  const methods = strs(values.methods);
  const erasedAt = fromLocal(str(values.erasedAt));
  const body = {
    contractId,
    scope: str(values.scope) || undefined,
    items,
    packageIds: strs(values.packageIds),
    media: media.map((r) => ({ kind: r.cells.kind || undefined, description: r.cells.description ?? '' })),
    devices: devices.map((r) => ({
      description: r.cells.description ?? '',
      serialNumber: r.cells.serialNumber || null,
    })),
    paper: paper.map((r) => ({ description: r.cells.description ?? '', quantity: r.cells.quantity || null })),
    methods: methods.map((m) => ({
      method: m,
      software: str(values[`method.${m}.software`]) || null,
      detail: str(values[`method.${m}.detail`]) || null,
    })),
    erasedAt: erasedAt?.toISOString() ?? '',
    performedByHandlerId: str(values.performedBy),
    witnesses: witnesses.map((r) => ({
      name: r.cells.name ?? '',
      side: r.cells.side || undefined,
      organisationName: r.cells.organisationName || null,
    })),
    evidenceAttachmentIds: evidenceIds,
    note: str(values.note) || null,
  };
  const rowTables: Record<string, Array<{ index: number }>> = { media, devices, paper, witnesses };
  const toField = (path: string): string | undefined => {
    const [head, index, column] = path.split('.');
    if (head === 'items' || head === 'packageIds' || head === 'scope' || head === 'note') return head;
    if (head === 'evidenceAttachmentIds') return 'evidence';
    if (head === 'performedByHandlerId') return 'performedBy';
    if (head === 'erasedAt') return 'erasedAt';
    if (head === 'methods') {
      const method = methods[Number(index)];
      return method && column === 'software' ? `method.${method}.software` : 'methods';
    }
    const rows = head ? rowTables[head] : undefined;
    if (rows) {
      const row = rows[Number(index)];
      return row && column ? `${head}.${row.index}.${column}` : head;
    }
    return path;
  };
  return { body, toField };
}
