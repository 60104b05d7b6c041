import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import { contractLifecycleMachine } from '../../../../workflows/contract-lifecycle/contract-lifecycle.machine.js';
import { decide } from '../../../../workflows/shared/decide.js';
import { listApprovals } from '../../../domain/approvals/read-approvals.js';
import type { Contract } from '../../../domain/contracts/contract.repository.js';
import { listContracts } from '../../../domain/contracts/list-contracts.js';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import type { ContractCommand } from '../../../domain/contracts/transition-contract.js';
import { readHandlerLists, readSubmission } from '../../../domain/handlers/handler-lists.js';
import { readRegister } from '../../../domain/registers/read-register.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Csrf } from '../components/form.js';
import { Layout } from '../layout.js';
import { pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';
import { ApprovalsSection } from './approvals-section.js';
import { Overview } from './contract-overview.js';
import { HandlerListsSection, type HandlerListsView } from './handler-lists-section.js';
import { namesFor } from './list.page.js';
import { RegisterTable } from './register-view.js';

const COMMANDS: Array<[ContractCommand, 'ACTIVATE' | 'BEGIN_ENDING' | 'RESUME' | 'CLOSE']> = [
  ['activate', 'ACTIVATE'],
  ['begin-ending', 'BEGIN_ENDING'],
  ['resume', 'RESUME'],
  ['close', 'CLOSE'],
];
const OPEN = ['draft', 'submitted', 'under_review', 'changes_requested', 'awaiting_council'];

/** The lifecycle steps the machine offers in this state; whether their requirements are met is
 * the use case's question when the button is pressed (its answer names what is missing). */
function offeredCommands(contract: Contract): ContractCommand[] {
  return COMMANDS.filter(
    ([, type]) =>
      decide(
        contractLifecycleMachine,
        contract.status,
        type === 'ACTIVATE' || type === 'CLOSE' ? { type, blockers: [] } : { type },
      ).allowed,
  ).map(([command]) => command);
}

/**
 * 委託契約の詳細: particulars, register, handler lists, approvals and sub-contracts — each read
 * through the use cases, so every part shows only what the viewer may read. `problem` is the
 * refusal of an action just tried on this page (409/422), shown at the top.
 */
export async function contractDetailPage(
  c: Context<AppEnv>,
  problem?: { text: string; status: 409 | 422; missing?: string[] },
) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const contract = await getContract(ctx, c.req.param('id')!);
  const [register, lists, approvals, subcontracts] = await Promise.all([
    readRegister(ctx, contract.id),
    readHandlerLists(ctx, contract.id),
    listApprovals(ctx, { contractId: contract.id, limit: 50 }),
    listContracts(ctx, { parentContractId: contract.id, limit: 50 }),
  ]);
  const may = (action: 'update' | 'create', type: 'Contract' | 'HandlerList' | 'Approval', record: object) =>
    viewer.ability.can(action, asSubject(type, record));
  const orgId = viewer.actor.organisationId;
  const mayDecideLists = may('update', 'HandlerList', {
    wardId: contract.wardId,
    organisationId: contract.contractorOrgId,
    chainOrgIds: contract.chainOrgIds,
  });
  const pending = mayDecideLists
    ? await Promise.all(
        lists.history
          .filter((h) => h.status === 'submitted')
          .map((h) => readSubmission(ctx, contract.id, h.id)),
      )
    : [];
  const names = await namesFor(c, [contract, ...subcontracts.items]);
  const listOrgs = await organisationNames(
    ctx,
    lists.history.map((h) => h.organisationId),
  );
  const orgNames = new Map([...names.org, ...listOrgs]);
  const open = contract.status !== 'closed';
  const isContractor = contract.contractorOrgId === orgId;
  const view: HandlerListsView = {
    current: lists.current,
    history: lists.history,
    pending,
    orgNames,
    submitHref:
      open &&
      isContractor &&
      may('create', 'HandlerList', {
        organisationId: orgId,
        wardId: contract.wardId,
        chainOrgIds: contract.chainOrgIds,
      })
        ? `/contracts/${contract.id}/handler-list/new`
        : undefined,
  };
  const mayUpdate = may('update', 'Contract', contract);
  const t = p.t.contracts;
  return sendPage(
    c,
    <Layout p={p} title={contract.title}>
      {problem && (
        <div class="error-summary" role="alert">
          <h2>{t.actionFailed}</h2>
          {problem.missing?.length ? (
            <>
              <p>{p.t.handover.missingTitle}</p>
              <ul class="missing">
                {problem.missing.map((m) => (
                  <li>{m}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{problem.text}</p>
          )}
        </div>
      )}
      {mayUpdate && open && (
        <p class="actions">
          <a class="button secondary" href={`/contracts/${contract.id}/edit`}>
            {t.edit}
          </a>
        </p>
      )}
      <section aria-labelledby="overview">
        <h2 id="overview">{t.overview}</h2>
        <Overview p={p} k={contract} names={names} />
        {mayUpdate && offeredCommands(contract).length > 0 && (
          <div class="actions">
            {offeredCommands(contract).map((command) => (
              <form method="post" action={`/contracts/${contract.id}/transition`}>
                <Csrf p={p} />
                <input type="hidden" name="version" value={String(contract.version)} />
                <button
                  type="submit"
                  name="command"
                  value={command}
                  class={command === 'close' ? 'danger' : undefined}
                  data-confirm={t.confirm[command]}
                >
                  {t.commands[command]}
                </button>
              </form>
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="register">
        <h2 id="register">
          {p.t.register.title}（{p.t.register.revision(register.revision)}）
        </h2>
        <p class="actions">
          {mayUpdate && open && (
            <a class="button secondary" href={`/contracts/${contract.id}/register/edit`}>
              {p.t.register.edit}
            </a>
          )}
          {register.revision > 0 && (
            <a href={`/contracts/${contract.id}/register/revisions`}>{p.t.register.history}</a>
          )}
        </p>
        <RegisterTable p={p} doc={register.document} caption={p.t.register.items} />
      </section>
      <HandlerListsSection p={p} contractId={contract.id} view={view} />
      <ApprovalsSection
        p={p}
        contract={contract}
        approvals={approvals.items}
        subcontracts={subcontracts.items}
        names={names}
        mayApplyDelegation={
          open &&
          !contract.parentContractId &&
          contract.handlesPersonalInfo &&
          may('create', 'Approval', { wardId: contract.wardId, kind: 'delegation' }) &&
          !approvals.items.some((a) => a.kind === 'delegation' && OPEN.includes(a.status))
        }
        mayApplySubcontract={
          (contract.status === 'draft' || contract.status === 'active') &&
          isContractor &&
          may('create', 'Approval', { applicantOrgId: orgId, kind: 'subdelegation' })
        }
      />
    </Layout>,
    problem?.status ?? 200,
  );
}
