import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ValidationError } from '../shared/errors.js';
import { DEFAULT_SELF_WORD } from './municipality-words.js';
import { findOrganisation, linkCompanyToWard, type Organisation } from './organisation.repository.js';
import { municipalityFieldsGiven, notForCompanies, type OrganisationInput } from './organisation-input.js';

/**
 * Registers a ward (administrators) or a company. A company is linked to exactly the wards given,
 * so that those wards can contract with it; ward staff who name none register it for their own
 * ward (and may name no other). Nobody's own membership adds a ward: an administrator belonging
 * to one ward would otherwise make every company registered for another known to it too.
 */
export async function createOrganisation(
  ctx: UseCaseContext,
  input: OrganisationInput,
): Promise<Organisation> {
  const { actor } = ctx;
  const wardStaff = actor.organisationKind === 'ward' && actor.wardId !== null;
  const wardIds = new Set(
    input.wardIds ?? (input.kind === 'company' && wardStaff && actor.wardId ? [actor.wardId] : []),
  );
  if (input.kind === 'ward' && wardIds.size > 0) {
    throw new ValidationError(
      {
        en: 'A municipality is not linked to municipalities',
        ja: '自治体を他の自治体に紐付けることはできません',
      },
      [{ path: 'wardIds', message: 'only for companies', message_ja: '事業者の場合のみ指定できます' }],
    );
  }
  if (input.kind !== 'ward' && municipalityFieldsGiven(input).length > 0) {
    throw notForCompanies(municipalityFieldsGiven(input));
  }
  const municipalityKind = input.kind === 'ward' ? (input.municipalityKind ?? 'special_ward') : null;
  authorize(ctx.ability, 'create', 'Organisation', { kind: input.kind, linkedOrgIds: [...wardIds] });

  return inTransaction(ctx, async ({ tx, audit }) => {
    for (const wardId of wardIds) {
      const ward = await tx
        .selectFrom('organisations')
        .select('kind')
        .where('id', '=', wardId)
        .executeTakeFirst();
      if (ward?.kind !== 'ward') {
        throw new ValidationError({ en: 'Unknown municipality', ja: '指定された自治体が存在しません' }, [
          {
            path: 'wardIds',
            message: `${wardId} is not a municipality`,
            message_ja: `${wardId} は自治体ではありません`,
          },
        ]);
      }
    }
    const row = await tx
      .insertInto('organisations')
      .values({
        kind: input.kind,
        name: input.name,
        name_kana: input.nameKana ?? null,
        corporate_number: input.corporateNumber ?? null,
        address: input.address ?? null,
        representative: input.representative ?? null,
        settings: JSON.stringify(input.kind === 'ward' ? (input.settings ?? {}) : {}),
        municipality_kind: municipalityKind,
        self_word: municipalityKind ? (input.selfWord ?? DEFAULT_SELF_WORD[municipalityKind].ja) : null,
        council_name: municipalityKind ? (input.councilName ?? null) : null,
        ordinance_name: municipalityKind ? (input.ordinanceName ?? null) : null,
        head_title: municipalityKind ? (input.headTitle ?? null) : null,
        report_body_name: municipalityKind ? (input.reportBodyName ?? null) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const wardId of wardIds) await linkCompanyToWard(tx, wardId, row.id);
    const created = (await findOrganisation(tx, row.id))!;
    const [onlyWard, ...more] = wardIds;
    await audit({
      // in the chain of the ward it was registered for, so that ward's trail shows it
      wardId: input.kind === 'ward' ? created.id : more.length === 0 ? (onlyWard ?? null) : null,
      action: 'organisation.create',
      subjectType: 'Organisation',
      subjectId: created.id,
      after: created,
    });
    return created;
  });
}
