import { reopenOnMaterialChange } from '../approvals/reopen-on-material-change.js';
import { findContract } from '../contracts/contract.repository.js';
import { checkContractAllows } from '../contracts/contract.workflow.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type Tx, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound, ValidationError } from '../shared/errors.js';
import { findRegisterRevision, type RegisterRevision } from './register.repository.js';
import {
  checkRegister,
  type Direction,
  itemIdentity,
  type Medium,
  outsideParent,
  type RegisterDocument,
  type RegisterItem,
  type SpecialCategory,
} from './register-document.js';

export interface RegisterItemInput {
  key?: string;
  name: string;
  catalogueCode?: string | null;
  direction: Direction;
  includesPastYears?: boolean;
  specialCategory?: SpecialCategory | null;
  myNumber?: boolean;
  /** The ward's approval of a special category (承認の記録): its reference or reason. */
  specialApprovalNote?: string | null;
}

export interface RegisterInput {
  subjectGroups: Array<{ name: string; items: RegisterItemInput[] }>;
  media: Medium[];
  note?: string | null;
}

/** Catalogue entries carry their sensitivity; a picked item can never be less sensitive than that. */
async function loadCatalogue(tx: Tx, wardId: string, codes: string[]) {
  if (!codes.length)
    return new Map<string, { name: string; special: SpecialCategory | null; myNumber: boolean }>();
  const rows = await tx
    .selectFrom('data_item_catalogue')
    .select(['code', 'name', 'special_category', 'my_number'])
    .where('code', 'in', codes)
    .where((eb) => eb.or([eb('ward_id', 'is', null), eb('ward_id', '=', wardId)]))
    .execute();
  return new Map(
    rows.map((r) => [r.code, { name: r.name, special: r.special_category, myNumber: r.my_number }]),
  );
}

/**
 * Turns register input into the stored document: catalogue items carry their sensitivity, items
 * keep their key and their special-category approval across revisions, and a new approval note
 * is recorded as this actor's approval.
 */
export async function normaliseRegister(
  tx: Tx,
  wardId: string,
  input: Pick<RegisterInput, 'subjectGroups' | 'media'>,
  ctx: Pick<UseCaseContext, 'actor' | 'now'>,
  previousDocument: RegisterDocument | undefined,
): Promise<RegisterDocument> {
  const previousItems = new Map(
    (previousDocument?.subjectGroups ?? []).flatMap((g) =>
      g.items.map((i) => [itemIdentity(g.name, i), i] as const),
    ),
  );
  const codes = input.subjectGroups.flatMap((g) =>
    g.items.map((i) => i.catalogueCode).filter((c): c is string => !!c),
  );
  const catalogue = await loadCatalogue(tx, wardId, codes);
  const unknownCodes = codes.filter((c) => !catalogue.has(c));
  if (unknownCodes.length) {
    throw new ValidationError(
      { en: 'Unknown catalogue items', ja: '情報項目の候補に存在しない項目があります' },
      [
        {
          path: 'catalogueCode',
          message: `unknown: ${unknownCodes.join(', ')}`,
          message_ja: `存在しない項目: ${unknownCodes.join('、')}`,
        },
      ],
    );
  }
  const now = ctx.now().toISOString();
  return {
    media: input.media.map((m) => ({ kind: m.kind, name: m.name.trim() })),
    subjectGroups: input.subjectGroups.map((group) => ({
      name: group.name.trim(),
      items: group.items.map((raw): RegisterItem => {
        const fromCatalogue = raw.catalogueCode ? catalogue.get(raw.catalogueCode) : undefined;
        const before = previousItems.get(itemIdentity(group.name, raw));
        const specialCategory = fromCatalogue?.special ?? raw.specialCategory ?? null;
        const note = raw.specialApprovalNote?.trim();
        return {
          key: before?.key ?? raw.key ?? crypto.randomUUID(),
          name: raw.name.trim(),
          catalogueCode: raw.catalogueCode ?? null,
          direction: raw.direction,
          includesPastYears: raw.includesPastYears ?? false,
          specialCategory,
          myNumber: Boolean(fromCatalogue?.myNumber || raw.myNumber),
          // An approval stays with its item; a new note records a new approval by this officer.
          specialApproval: !specialCategory
            ? null
            : note
              ? { approvedBy: ctx.actor.userId, approvedAt: now, note }
              : (before?.specialApproval ?? null),
        };
      }),
    })),
  };
}

/**
 * Saves a new revision of a contract's register (情報項目). The revision it was based on must
 * still be the latest (else 409); special categories need the ward's approval, recorded on the
 * item; a sub-contract's register must stay within its parent's (422 naming what is outside).
 */
export async function saveRegister(
  ctx: UseCaseContext,
  contractId: string,
  input: RegisterInput,
  baseRevision: number,
): Promise<RegisterRevision> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const contract = await findContract(tx, contractId, true);
    if (!contract) throw notFound('Contract', '契約');
    authorize(ctx.ability, 'update', 'Contract', contract);
    checkContractAllows(contract, { type: 'CHANGE_REGISTER' });
    if (baseRevision !== contract.registerRevision) {
      throw new ConflictError(
        {
          en: `The register was changed by someone else (revision ${contract.registerRevision}, you edited ${baseRevision}); reload and try again`,
          ja: `情報項目は他の利用者によって更新されています（現在の版 ${contract.registerRevision}、編集元の版 ${baseRevision}）。再読み込みしてください`,
        },
        { currentRevision: contract.registerRevision },
      );
    }

    const previous = await findRegisterRevision(tx, contract.wardId, contractId);
    const document = await normaliseRegister(tx, contract.wardId, input, ctx, previous.document);

    const errors = checkRegister(document);
    if (contract.parentContractId) {
      const parent = await findContract(tx, contract.parentContractId);
      const parentRegister = await findRegisterRevision(tx, contract.wardId, parent!.id);
      errors.push(...outsideParent(document, parentRegister.document));
    }
    if (errors.length)
      throw new ValidationError({ en: 'The register is not valid', ja: '情報項目に誤りがあります' }, errors);

    const revision = contract.registerRevision + 1;
    const changedAt = ctx.now();
    await tx
      .insertInto('register_revisions')
      .values({
        ward_id: contract.wardId,
        contract_id: contractId,
        revision,
        document: JSON.stringify(document),
        changed_by: ctx.actor.userId,
        changed_at: changedAt,
        note: input.note ?? null,
      })
      .execute();
    await tx
      .updateTable('contracts')
      .set({ register_revision: revision, updated_at: changedAt })
      .where('ward_id', '=', contract.wardId)
      .where('id', '=', contractId)
      .execute();
    await reopenOnMaterialChange(tx, ctx, audit, contractId);
    await audit({
      wardId: contract.wardId,
      action: 'register.save',
      subjectType: 'Contract',
      subjectId: contractId,
      before: { revision: previous.revision, document: previous.document },
      after: { revision, document },
    });
    return {
      contractId,
      revision,
      document,
      changedBy: ctx.actor.userId,
      changedAt,
      note: input.note ?? null,
    };
  });
}
