import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import { getOrganisation } from '../../../domain/organisations/list-organisations.js';
import { updateOrganisation } from '../../../domain/organisations/update-organisation.js';
import { ForbiddenError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import {
  ChoiceGroup,
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  SelectField,
} from '../components/form.js';
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

// 区の設定: the ward's own policy, set by its manager (課長) — how deep sub-contracting may go, the
// order of the sign-off chain, and whether its staff need a second factor. The use case checks
// the manager again and writes the audit entry.

const SIGNERS = ['ward_officer', 'ward_chief', 'ward_manager'] as const;

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
  const f = fields(
    values ?? {
      maxSubcontractDepth: String(s.maxSubcontractDepth ?? 1),
      chain: s.signOffChain ?? [...SIGNERS],
      requireSecondFactor: s.requireSecondFactor ? 'on' : undefined,
    },
    errors,
  );
  return sendPage(
    c,
    <Layout p={p} title={t.title(ward.name)}>
      <ErrorSummary p={p} f={f} />
      <p>{t.intro}</p>
      <form method="post" action="/settings/ward" novalidate>
        <Csrf p={p} />
        <input type="hidden" name="version" value={String(ward.version)} />
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
  if (!chain.length) return showForm(c, values, [{ field: 'chain', text: p.t.security.ward.pickOne }], 422);
  try {
    await updateOrganisation(
      useCaseContext(c),
      ward.id,
      {
        settings: {
          maxSubcontractDepth: [0, 1, 2, 3].includes(depth) ? depth : 1,
          signOffChain: chain,
          requireSecondFactor: values.requireSecondFactor === 'on',
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
