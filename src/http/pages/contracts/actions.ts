import type { Context } from 'hono';
import { applyForDelegation } from '../../../domain/approvals/apply-for-delegation.js';
import type { Blocker } from '../../../domain/contracts/contract.workflow.js';
import { type ContractCommand, transitionContract } from '../../../domain/contracts/transition-contract.js';
import { decideHandlerList } from '../../../domain/handlers/handler-lists.js';
import { ConflictError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { pageCtx } from '../page-context.js';
import { redirectWithNotice } from '../render.js';
import { contractDetailPage } from './detail.page.js';

const COMMANDS: ContractCommand[] = ['activate', 'begin-ending', 'resume', 'close'];
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** What a gate found missing (the 409's `missing` list: activation or the closing gate). */
function missingOf(error: unknown): Blocker[] {
  const missing = error instanceof ConflictError ? error.extra.missing : undefined;
  return Array.isArray(missing) ? (missing as Blocker[]) : [];
}

/** Runs an action of the contract page; a refusal is shown on the page itself, with its reason. */
export async function onContractPage(c: Context<AppEnv>, action: () => Promise<Response>) {
  try {
    return await action();
  } catch (error) {
    const p = pageCtx(c);
    const refused = refusal(p, error);
    return contractDetailPage(c, {
      text: refused.errors.map((e) => e.text).join(' / '),
      status: refused.status,
      missing: missingOf(error).map((b) => p.msg(b)),
    });
  }
}

/** 履行開始・終了手続・再開・完了: the lifecycle machine decides, the use case says what is missing. */
export async function transitionAction(c: Context<AppEnv>) {
  const id = c.req.param('id')!;
  const values = await readForm(c);
  const command = COMMANDS.find((k) => k === one(values.command));
  return onContractPage(c, async () => {
    if (!command) return c.redirect(`/contracts/${id}`, 303);
    await transitionContract(useCaseContext(c), id, command, versionOf(values) ?? 0);
    return redirectWithNotice(c, `/contracts/${id}`, 'saved');
  });
}

/** 委託の承認申請: creates the application in draft and shows it, to be submitted from there. */
export async function applyDelegationAction(c: Context<AppEnv>) {
  const id = c.req.param('id')!;
  const values = await readForm(c);
  const councilMode = one(values.councilMode) === 'consult' ? 'consult' : 'report';
  return onContractPage(c, async () => {
    const approval = await applyForDelegation(useCaseContext(c), id, { councilMode });
    return redirectWithNotice(c, `/approvals/${approval.id}`, 'applied');
  });
}

/** 名簿の確認・差戻し by the ward. */
export function decideListAction(decision: 'acknowledge' | 'return') {
  return async (c: Context<AppEnv>) => {
    const id = c.req.param('id')!;
    const values = await readForm(c);
    const comment = one(values.comment).trim().slice(0, 2000) || null;
    return onContractPage(c, async () => {
      await decideHandlerList(
        useCaseContext(c),
        id,
        c.req.param('sid')!,
        decision,
        comment,
        versionOf(values) ?? 0,
      );
      return redirectWithNotice(c, `/contracts/${id}`, 'decided');
    });
  };
}
