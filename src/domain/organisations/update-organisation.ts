import { asSubject } from '../../../policies/app-ability.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ForbiddenError, notFound } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';
import { DEFAULT_SELF_WORD } from './municipality-words.js';
import { findOrganisation, type Organisation } from './organisation.repository.js';
import {
  MUNICIPALITY_FIELDS,
  municipalityFieldsGiven,
  notForCompanies,
  type OrganisationPatch,
} from './organisation-input.js';

/**
 * Changes an organisation, refusing a write based on a stale version. Its details (name, address,
 * …) belong to whoever may update the organisation; a ward's settings — its own policy — and its
 * words (kind, 呼称, head's title, council, reporting body, ordinance) to the ward's manager (課長),
 * its own administrator, as well, so each part of the patch is checked on its own.
 */
export async function updateOrganisation(
  ctx: UseCaseContext,
  id: string,
  patch: OrganisationPatch,
  expectedVersion: number,
): Promise<Organisation> {
  const { settings, ...details } = patch;
  const own = new Set<string>(MUNICIPALITY_FIELDS);
  const given = Object.entries(details).filter(([, v]) => v !== undefined);
  const changesDetails = given.some(([k]) => !own.has(k));
  const changesWords = given.some(([k]) => own.has(k));
  return inTransaction(ctx, async ({ tx, audit }) => {
    const before = await findOrganisation(tx, id, true);
    if (!before) throw notFound('Organisation', '組織');
    const isWard = before.kind === 'ward';
    const changesSettings = settings !== undefined && isWard;
    const mayAdminister = ctx.ability.can('update', asSubject('WardSettings', { wardId: before.id }));
    const mayUpdate = ctx.ability.can('update', asSubject('Organisation', before));
    // a municipality's words are its administrator's (system_admin) and its manager's alike
    const needsManager = changesSettings || (changesWords && isWard && !mayUpdate);
    if (changesDetails || !needsManager) {
      authorize(ctx.ability, 'update', 'Organisation', before);
    }
    if (needsManager) {
      authorize(ctx.ability, 'read', 'Organisation', before);
      if (!mayAdminister) {
        throw new ForbiddenError({
          en: "Only the {self}'s manager (課長) may change the {self}'s settings",
          ja: '{self}の設定は課長のみが変更できます',
        });
      }
    }
    checkVersion('組織 / Organisation', expectedVersion, before.version);
    if (before.kind !== 'ward' && municipalityFieldsGiven(details).length > 0) {
      throw notForCompanies(municipalityFieldsGiven(details));
    }
    // a new kind brings its own word unless the patch names one
    const kindChanges =
      details.municipalityKind !== undefined && details.municipalityKind !== before.municipalityKind;
    const kind = details.municipalityKind ?? before.municipalityKind;
    const selfWord =
      details.selfWord === null || (kindChanges && details.selfWord === undefined)
        ? kind && DEFAULT_SELF_WORD[kind].ja
        : details.selfWord;
    await tx
      .updateTable('organisations')
      .set({
        ...(details.name !== undefined && { name: details.name }),
        ...(details.nameKana !== undefined && { name_kana: details.nameKana }),
        ...(details.corporateNumber !== undefined && { corporate_number: details.corporateNumber }),
        ...(details.address !== undefined && { address: details.address }),
        ...(details.representative !== undefined && { representative: details.representative }),
        ...(details.municipalityKind !== undefined && { municipality_kind: details.municipalityKind }),
        ...(selfWord !== undefined && { self_word: selfWord }),
        ...(details.councilName !== undefined && { council_name: details.councilName }),
        ...(details.ordinanceName !== undefined && { ordinance_name: details.ordinanceName }),
        ...(details.headTitle !== undefined && { head_title: details.headTitle }),
        ...(details.reportBodyName !== undefined && { report_body_name: details.reportBodyName }),
        // settings not named keep their value (a PATCH)
        ...(changesSettings && { settings: JSON.stringify({ ...before.settings, ...settings }) }),
        updated_at: ctx.now(),
        version: before.version + 1,
      })
      .where('id', '=', id)
      .execute();
    const after = (await findOrganisation(tx, id))!;
    await audit({
      wardId: before.kind === 'ward' ? before.id : (ctx.actor.wardId ?? null),
      action: needsManager && !changesDetails ? 'ward.settings_update' : 'organisation.update',
      subjectType: 'Organisation',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}
