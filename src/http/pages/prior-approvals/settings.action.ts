import type { Context } from 'hono';
import { updatePriorApprovalSettings } from '../../../domain/prior-approvals/prior-approval-settings.js';
import { PRIOR_APPROVAL_KINDS } from '../../../domain/prior-approvals/prior-approval-terms.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { readForm, refusal } from '../components/form-body.js';
import { contractDetailPage } from '../contracts/detail.page.js';
import { pageCtx } from '../page-context.js';
import { redirectWithNotice } from '../render.js';

/** The ward officer sets which kinds need prior approval on the contract (the form on its page). */
export async function priorApprovalSettingsAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const raw = await readForm(c);
  const list =
    raw.requiredKinds === undefined
      ? []
      : Array.isArray(raw.requiredKinds)
        ? raw.requiredKinds
        : [raw.requiredKinds];
  const requiredKinds = PRIOR_APPROVAL_KINDS.filter((k) => list.includes(k));
  const version = Number(Array.isArray(raw.version) ? raw.version[0] : raw.version);
  try {
    await updatePriorApprovalSettings(
      useCaseContext(c),
      c.req.param('id')!,
      { requiredKinds, disposalWitness: raw.disposalWitness === 'on' },
      Number.isInteger(version) ? version : -1,
    );
  } catch (error) {
    const refused = refusal(p, error);
    return contractDetailPage(c, {
      text: refused.errors.map((e) => e.text).join(' '),
      status: refused.status,
    });
  }
  return redirectWithNotice(c, `/contracts/${c.req.param('id')}#prior-approvals`, 'saved');
}
