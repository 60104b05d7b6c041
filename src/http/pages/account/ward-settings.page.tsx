import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import { getOrganisation } from '../../../domain/organisations/list-organisations.js';
import {
  DEFAULT_HEAD_TITLE,
  DEFAULT_SELF_WORD,
  MUNICIPALITY_KIND_NAMES,
  MUNICIPALITY_KINDS,
  type MunicipalityKind,
} from '../../../domain/organisations/municipality-words.js';
import { updateOrganisation } from '../../../domain/organisations/update-organisation.js';
import { ForbiddenError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { text } from '../../schemas/common.js';
import {
  ChoiceGroup,
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  formErrors,
  SelectField,
  TextField,
} from '../components/form.js';
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

// 区の設定: the municipality's own settings, set by its manager (課長), its administrator — what it
// is and how its texts name it (kind, 呼称, its head's title, its council or the body its reports go
// to, its ordinance and the article reports are made under) and its policy (how deep
// sub-contracting may go, the order of the sign-off chain, whether its staff need a second
// factor). The use case checks the manager again and writes the audit entry; the API is
// PATCH /api/v1/organisations/{id}.

const SIGNERS = ['ward_officer', 'ward_chief', 'ward_manager'] as const;

/** A text box: blank means "not set" (null), or the kind's own word where it has one. */
const optional = (max: number) =>
  text(max)
    .transform((s) => s.trim())
    .transform((s) => (s === '' ? null : s));

// a field the form did not send (not a blank one) stays as it is
const WordsForm = z.object({
  municipalityKind: z.enum(MUNICIPALITY_KINDS).optional(),
  selfWord: optional(10).optional(),
  headTitle: optional(50).optional(),
  councilName: optional(100).optional(),
  reportBodyName: optional(100).optional(),
  ordinanceName: optional(200).optional(),
  councilReportArticle: optional(100).optional(),
});
const WORD_FIELDS = Object.keys(WordsForm.shape) as Array<keyof typeof WordsForm.shape>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : v);

async function wardOf(c: Context<AppEnv>) {
  const ctx = useCaseContext(c);
  const wardId = ctx.actor.wardId;
  if (!wardId || !ctx.ability.can('update', asSubject('WardSettings', { wardId }))) {
    throw new ForbiddenError({
      en: "Only the {self}'s manager (課長) may change the {self}'s settings",
      ja: '{self}の設定は課長のみが変更できます',
    });
  }
  return getOrganisation(ctx, wardId);
}

async function showForm(c: Context<AppEnv>, values?: FormValues, errors: FormError[] = [], status = 200) {
  const p = pageCtx(c);
  const t = p.t.security.ward;
  const ward = await wardOf(c);
  const s = ward.settings;
  const kind = (ward.municipalityKind ?? 'special_ward') as MunicipalityKind;
  const f = fields(
    values ?? {
      municipalityKind: kind,
      // the kind's own word shows as blank: a new kind then brings its own
      selfWord: ward.selfWord === DEFAULT_SELF_WORD[kind].ja ? '' : (ward.selfWord ?? ''),
      headTitle: ward.headTitle ?? '',
      councilName: ward.councilName ?? '',
      reportBodyName: ward.reportBodyName ?? '',
      ordinanceName: ward.ordinanceName ?? '',
      councilReportArticle: s.councilReportArticle ?? '',
      maxSubcontractDepth: String(s.maxSubcontractDepth ?? 1),
      chain: s.signOffChain ?? [...SIGNERS],
      requireSecondFactor: s.requireSecondFactor ? 'on' : undefined,
    },
    errors,
  );
  // the current kind's own word and head's title, what a blank field means
  const defaults = `${DEFAULT_SELF_WORD[kind].ja}・${DEFAULT_HEAD_TITLE[kind].ja}`;
  return sendPage(
    c,
    <Layout p={p} title={t.title(ward.name)}>
      <ErrorSummary p={p} f={f} />
      <p>{t.intro}</p>
      <form method="post" action="/settings/ward" novalidate>
        <Csrf p={p} />
        <input type="hidden" name="version" value={String(ward.version)} />
        <fieldset>
          <legend>{t.municipality}</legend>
          <SelectField
            p={p}
            f={f}
            name="municipalityKind"
            label={t.kind}
            hint={t.kindHint(defaults)}
            options={MUNICIPALITY_KINDS.map((k) => ({ value: k, label: MUNICIPALITY_KIND_NAMES[k][p.lang] }))}
          />
          <TextField p={p} f={f} name="selfWord" label={t.selfWord} hint={t.selfWordHint} short />
          <TextField p={p} f={f} name="headTitle" label={t.headTitle} hint={t.headTitleHint} short />
          <TextField p={p} f={f} name="councilName" label={t.councilName} hint={t.councilNameHint} />
          <TextField p={p} f={f} name="reportBodyName" label={t.reportBodyName} hint={t.reportBodyHint} />
          <TextField p={p} f={f} name="ordinanceName" label={t.ordinanceName} hint={t.ordinanceHint} />
          <TextField
            p={p}
            f={f}
            name="councilReportArticle"
            label={t.councilReportArticle}
            hint={t.councilReportArticleHint}
            short
          />
        </fieldset>
        <SelectField
          p={p}
          f={f}
          name="maxSubcontractDepth"
          label={t.maxDepth}
          options={['0', '1', '2', '3'].map((d) => ({ value: d, label: t.depths[d]! }))}
        />
        <ChoiceGroup
          p={p}
          f={f}
          name="chain"
          legend={t.chain}
          hint={t.chainHint}
          options={SIGNERS.map((r) => ({ value: r, label: t.roles[r]! }))}
        />
        <ChoiceGroup
          p={p}
          f={f}
          name="requireSecondFactor"
          legend={t.secondFactor}
          hint={t.requireHint}
          options={[{ value: 'on', label: t.requireSecondFactor }]}
        />
        <div class="actions">
          <button type="submit">{p.t.common.save}</button>
        </div>
      </form>
    </Layout>,
    status,
  );
}

export const wardSettingsPage = (c: Context<AppEnv>) => showForm(c);

export async function wardSettingsAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const values = await readForm(c);
  const ward = await wardOf(c);
  const picked = new Set(Array.isArray(values.chain) ? values.chain : values.chain ? [values.chain] : []);
  const chain = SIGNERS.filter((r) => picked.has(r));
  const depth = Number(values.maxSubcontractDepth);
  const parsed = WordsForm.safeParse(Object.fromEntries(WORD_FIELDS.map((k) => [k, one(values[k])])));
  const errors: FormError[] = parsed.success ? [] : formErrors(p, zodErrors(parsed.error));
  if (!chain.length) errors.push({ field: 'chain', text: t(p).pickOne });
  if (![0, 1, 2, 3].includes(depth)) errors.push({ field: 'maxSubcontractDepth', text: t(p).pickDepth });
  if (!parsed.success || errors.length) return showForm(c, values, errors, 422);
  const { councilReportArticle, ...words } = parsed.data;
  try {
    await updateOrganisation(
      useCaseContext(c),
      ward.id,
      {
        ...words,
        settings: {
          maxSubcontractDepth: depth,
          signOffChain: chain,
          requireSecondFactor: values.requireSecondFactor === 'on',
          // blank: no article (undefined is left out of the stored settings); not sent: kept
          ...(councilReportArticle !== undefined && {
            councilReportArticle: councilReportArticle ?? undefined,
          }),
        },
      },
      versionOf(values) ?? 0,
    );
    return redirectWithNotice(c, '/settings/ward', 'saved');
  } catch (error) {
    const refused = refusal(p, error);
    return showForm(c, values, refused.errors, refused.status);
  }
}

const t = (p: ReturnType<typeof pageCtx>) => p.t.security.ward;
