import type { Context } from 'hono';
import { listApprovals } from '../../../domain/approvals/read-approvals.js';
import { subcontractingLimits } from '../../../domain/approvals/subcontracting-limits.js';
import { readContractCertifications } from '../../../domain/certifications/contract-certifications.js';
import { contractActions } from '../../../domain/contracts/contract-actions.js';
import { listContracts } from '../../../domain/contracts/list-contracts.js';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import type { ContractCommand } from '../../../domain/contracts/transition-contract.js';
import { listsAwaitingDecision, readHandlerLists } from '../../../domain/handlers/handler-lists.js';
import { importedHistoryOf } from '../../../domain/imports/read-imported-history.js';
import { mayApplyForPriorApproval } from '../../../domain/prior-approvals/apply-for-prior-approval.js';
import { kindArticles } from '../../../domain/prior-approvals/kind-articles.js';
import { readPriorApprovalSettings } from '../../../domain/prior-approvals/prior-approval-settings.js';
import { listPriorApprovals } from '../../../domain/prior-approvals/read-prior-approvals.js';
import { provisionActions } from '../../../domain/provisions/provision-actions.js';
import { findContractProvisions } from '../../../domain/provisions/provisions.repository.js';
import { readRegister } from '../../../domain/registers/read-register.js';
import { toJapanDate } from '../../../domain/shared/japan-date.js';
import { readContractSupervision } from '../../../domain/supervision/read-supervision.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { ContractCertificationsSection } from '../certifications/contract-section.js';
import { Csrf, ErrorSummary, fields } from '../components/form.js';
import { ControlsLink } from '../controls/controls-link.js';
import { DevicesLink } from '../devices/devices-link.js';
import { Layout } from '../layout.js';
import { pageCtx, viewerOf } from '../page-context.js';
import { PriorApprovalsSection } from '../prior-approvals/section.js';
import { sendPage } from '../render.js';
import { SupervisionSection } from '../supervision/section.js';
import { ApprovalsSection } from './approvals-section.js';
import { Overview } from './contract-overview.js';
import { HandlerListsSection, type HandlerListsView } from './handler-lists-section.js';
import { ImportedHistorySection } from './imported-history-section.js';
import { namesFor } from './list.page.js';
import { ProvisionsSection } from './provisions-section.js';
import { RegisterTable } from './register-view.js';
import { type TerminationForm, TerminationSection, todayOf } from './termination.js';

const LIFECYCLE: ContractCommand[] = ['activate', 'begin-ending', 'resume', 'close'];
const OPEN = ['draft', 'submitted', 'under_review', 'changes_requested', 'awaiting_council'];

/**
 * 委託契約の詳細: particulars, register, handler lists, approvals and sub-contracts — each read
 * through the use cases, so every part shows only what the viewer may read. `problem` is the
 * refusal of an action just tried on this page (409/422), shown at the top.
 */
export async function contractDetailPage(
  c: Context<AppEnv>,
  problem?: { text: string; status: 409 | 422; missing?: string[]; termination?: TerminationForm },
) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const contract = await getContract(ctx, c.req.param('id')!);
  const [register, lists, approvals, subcontracts, priorApprovals, priorApprovalSettings] = await Promise.all(
    [
      readRegister(ctx, contract.id),
      readHandlerLists(ctx, contract.id),
      listApprovals(ctx, { contractId: contract.id, limit: 50 }),
      listContracts(ctx, { parentContractId: contract.id, limit: 50 }),
      listPriorApprovals(ctx, { contractId: contract.id, limit: 50 }),
      readPriorApprovalSettings(ctx, contract.id),
    ],
  );
  const provisions = await findContractProvisions(ctx.db, contract.wardId, contract.id);
  const certifications = await readContractCertifications(ctx, contract);
  const pastRecords = await importedHistoryOf(ctx, contract);
  // 再委託先の監督: shown on a sub-contract, and on any contract the ward has asked reports of
  const supervision = await readContractSupervision(ctx, contract);
  const showSupervision =
    contract.parentContractId !== null || supervision.reportRequests.length > 0 || supervision.mayRequest;
  const supervisionNames = await organisationNames(
    ctx,
    [
      ...supervision.inspections.map((i) => i.inspectingOrgId ?? ''),
      ...supervision.reportRequests.flatMap((r) => [r.requesterOrgId, r.subjectOrgId]),
    ].filter(Boolean),
  );
  // 再委託 is not offered where it would only be refused once the whole form is filled: the page
  // says why instead (the API's contractActionsNow leaves the action out the same way)
  const offered = contractActions(viewer, contract);
  const subcontractLimits = offered.includes('apply-subdelegation')
    ? await subcontractingLimits(ctx.db, contract)
    : [];
  const actions = subcontractLimits.length ? offered.filter((a) => a !== 'apply-subdelegation') : offered;
  const steps = LIFECYCLE.filter((command) => actions.includes(command));
  const pending = await listsAwaitingDecision(ctx, contract.id);
  const names = await namesFor(c, [contract, ...subcontracts.items]);
  const listOrgs = await organisationNames(
    ctx,
    lists.history.map((h) => h.organisationId),
  );
  const orgNames = new Map([...names.org, ...listOrgs]);
  const view: HandlerListsView = {
    current: lists.current,
    history: lists.history,
    pending,
    orgNames,
    submitHref: actions.includes('submit-handler-list')
      ? `/contracts/${contract.id}/handler-list/new`
      : undefined,
  };
  const t = p.t.contracts;
  return sendPage(
    c,
    <Layout p={p} title={contract.title}>
      {problem?.termination && <ErrorSummary p={p} f={fields({}, problem.termination.errors)} />}
      {problem && !problem.termination && (
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
      {(actions.includes('edit') || actions.includes('renew')) && (
        <p class="actions">
          {actions.includes('edit') && (
            <a class="button secondary" href={`/contracts/${contract.id}/edit`}>
              {t.edit}
            </a>
          )}
          {actions.includes('renew') && (
            <a class="button secondary" href={`/contracts/${contract.id}/renew`}>
              {p.t.renewal.action}
            </a>
          )}
        </p>
      )}
      {contract.predecessorContractId && (
        <p>
          <a href={`/contracts/${contract.predecessorContractId}`}>{p.t.renewal.predecessor}</a>
        </p>
      )}
      <section aria-labelledby="overview">
        <h2 id="overview">{t.overview}</h2>
        <Overview p={p} k={contract} names={names} />
        {steps.length > 0 && (
          <div class="actions">
            {steps.map((command) => (
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
      <ContractCertificationsSection
        p={p}
        view={certifications}
        companyName={orgNames.get(contract.contractorOrgId) ?? ''}
      />
      {actions.includes('terminate') && (
        <TerminationSection
          p={p}
          contract={contract}
          provisions={provisions}
          today={todayOf(c)}
          form={problem?.termination}
        />
      )}
      <section aria-labelledby="register">
        <h2 id="register">
          {p.t.register.title}（{p.t.register.revision(register.revision)}）
        </h2>
        <p class="actions">
          {actions.includes('edit-register') && (
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
      {provisions && (
        <ProvisionsSection
          p={p}
          contractId={contract.id}
          provisions={provisions}
          actions={provisionActions(viewer, contract, provisions)}
        />
      )}
      <HandlerListsSection p={p} contractId={contract.id} view={view} />
      <DevicesLink p={p} contract={contract} />
      <ControlsLink p={p} contract={contract} />
      <ApprovalsSection
        p={p}
        contract={contract}
        approvals={approvals.items}
        subcontracts={subcontracts.items}
        names={names}
        mayApplyDelegation={
          actions.includes('apply-delegation') &&
          // one application at a time: the use case refuses a second one while another is open
          !approvals.items.some((a) => a.kind === 'delegation' && OPEN.includes(a.status))
        }
        mayApplySubcontract={actions.includes('apply-subdelegation') && subcontractLimits.length === 0}
        subcontractLimits={subcontractLimits.map((e) => p.fieldMsg(e))}
      />
      <PriorApprovalsSection
        p={p}
        contract={contract}
        items={priorApprovals.items}
        settings={priorApprovalSettings}
        mayApply={mayApplyForPriorApproval(viewer, contract)}
        maySet={actions.includes('edit')}
        articles={kindArticles(provisions)}
      />
      <ImportedHistorySection p={p} entries={pastRecords} />
      {showSupervision && (
        <SupervisionSection
          p={p}
          contract={contract}
          view={supervision}
          names={supervisionNames}
          today={toJapanDate(ctx.now())}
        />
      )}
    </Layout>,
    problem?.status ?? 200,
  );
}
