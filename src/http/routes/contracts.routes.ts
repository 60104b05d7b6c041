import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { contractActionsNow } from '../../domain/approvals/subcontracting-limits.js';
import { flagsForContracts } from '../../domain/certifications/contract-certifications.js';
import { CONTRACT_STATUSES, type Contract } from '../../domain/contracts/contract.repository.js';
import { type ContractAction, contractActions } from '../../domain/contracts/contract-actions.js';
import { listContracts } from '../../domain/contracts/list-contracts.js';
import { createContract, getContract, updateContract } from '../../domain/contracts/manage-contracts.js';
import { renewContract } from '../../domain/contracts/renew-contract.js';
import {
  type ContractCommand,
  terminateContract,
  transitionContract,
} from '../../domain/contracts/transition-contract.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import type { UseCaseContext } from '../../domain/shared/context.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { readContext } from '../middleware/read-replica.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  ListView,
  PageQuery,
  pageOfView,
  text,
  Uuid,
  VersionField,
} from '../schemas/common.js';
import {
  ContractListItemSchema,
  ContractPatchSchema,
  ContractSchema,
  NewContract,
  RenewalSchema,
  TerminationSchema,
} from '../schemas/contracts.js';
import { validationHook } from '../validation-hook.js';
import { applicationRoutes } from './applications.routes.js';
import { handlerListRoutes } from './handler-lists.routes.js';
import { contractProvisionRoutes } from './provisions.routes.js';
import { registerRoutes } from './registers.routes.js';

/** The list's compact form of a contract (ContractListItemSchema): the long texts stay on the detail. */
export function presentContractListItem(viewer: Viewer, contract: Contract) {
  return {
    allowedActions: contractActions(viewer, contract),
    id: contract.id,
    wardId: contract.wardId,
    departmentId: contract.departmentId,
    parentContractId: contract.parentContractId,
    depth: contract.depth,
    contractorOrgId: contract.contractorOrgId,
    title: contract.title,
    contractNumber: contract.contractNumber,
    periodFrom: contract.periodFrom,
    periodTo: contract.periodTo,
    handlesPersonalInfo: contract.handlesPersonalInfo,
    processingModes: contract.processingModes,
    status: contract.status,
    endedWithParent: contract.followedParentFrom !== null,
    startedAt: contract.startedAt?.toISOString() ?? null,
    renewalCount: contract.renewalCount,
    registerRevision: contract.registerRevision,
    updatedAt: contract.updatedAt.toISOString(),
    version: contract.version,
  };
}

/** The contract as the API shows it, with what the viewer may do with it now; the policy-only fields stay inside. */
export function presentContract(
  viewer: Viewer,
  contract: Contract,
  actions: ContractAction[] = contractActions(viewer, contract),
) {
  const {
    chainOrgIds: _c,
    contractorAccess: _a,
    machine: _m,
    followedParentFrom,
    startedAt,
    importedAt,
    createdAt,
    updatedAt,
    ...rest
  } = contract;
  return {
    ...rest,
    endedWithParent: followedParentFrom !== null,
    startedAt: startedAt?.toISOString() ?? null,
    importedAt: importedAt?.toISOString() ?? null,
    allowedActions: actions,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

/** The contract as every route answers it: presented, with its contractor's certification flags. */
async function presentWithFlags(ctx: UseCaseContext, contract: Contract, actions?: ContractAction[]) {
  const flags = await flagsForContracts(ctx, [contract]);
  return { ...presentContract(ctx, contract, actions), certificationFlags: flags.get(contract.id) ?? [] };
}

const common = { tags: ['contracts'], security: bearerSecurity };
const COMMANDS: ContractCommand[] = ['activate', 'begin-ending', 'resume', 'close'];
const COMMAND_SUMMARY: Record<ContractCommand, string> = {
  activate:
    'Activate a draft contract, or an approved sub-contract (needs the register, an acknowledged handler list and the approval) / 履行開始',
  'begin-ending':
    'Start ending the contract (return and erase data); its sub-contracts end with it, nothing revoked / 終了手続の開始',
  resume:
    'Resume an ending contract, restoring its sub-contracts as they were (409 names what must be applied for again) / 履行の再開',
  close: 'Close the contract / 契約の完了',
};

const COMMAND_DESCRIPTION: Record<ContractCommand, string> = {
  activate:
    "The ward's privacy officer starts the work (履行開始): a draft contract, or a sub-contract the ward has approved (承認済・未着手), becomes active (履行中). Where personal information is handled, the contract must have a data-item register with items (情報項目), its contractor's handler list submitted and acknowledged by the ward (取扱者名簿, pledges included), and the approval of the delegation (委託の承認, with the council's answer where required) — for a sub-contract the ward's approval of the sub-contracting instead, under a parent contract that is itself active. What is missing is refused 409 with each item listed in `missing`. 403 for anyone but the privacy officer; 404 for a contract you may not see.",
  'begin-ending':
    "The ward's privacy officer begins the end of a contract (終了手続の開始): an active contract, or an approved sub-contract not yet started, becomes ending (終了手続中). From then on no data is handed over; the data already given is to be returned or erased and certified (返還・消去), and the contract closes only once that is done. Its sub-contracts end with it (再委託は委託とともに終了する), each from the state it was in; no approval is revoked, so every company keeps reading what it must return or erase. Refused 409 from draft, ending or closed; 403 for anyone but the privacy officer.",
  resume:
    "The ward's privacy officer resumes an ending contract (履行の再開): it returns to active (a sub-contract never started returns to approved), and the sub-contracts that ended with it return to where they were. Refused 409 — with what stands in the way in `missing` — for a contract terminated for breach (契約解除: a new contract must be applied for), one whose approval was revoked, or a chain in which a sub-contract's approval was revoked (that sub-contract must be wound up and applied for again); also 409 unless the contract is ending. 403 for anyone but the privacy officer.",
  close:
    "The ward's privacy officer closes an ending contract (契約の完了). Every handover package must be returned (its hash checked) or erased, every register item's data returned or erased, and every organisation in the chain must have a certificate of erasure (消去証明書) — in this contract and in the sub-contracts that close with it; what is missing is refused 409 listed in `missing`. The open sub-contracts close with it. A closed contract can no longer be changed. Refused 409 unless the contract is ending; 403 for anyone but the privacy officer.",
};

export function contractRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Contracts you may see, newest first / 委託契約の一覧',
      description:
        "The contracts (委託契約) the signed-in user may see, newest first, with what they may do with each now (`allowedActions`). Items are compact by default — who, what, when, state, version and the contractor’s certification flags (`certificationFlags`: expired, or required and missing); the long texts (業務内容, 理由, 安全管理措置, 契約解除) are on the detail route — and whole with `view=full`. Ward staff and council reviewers see their ward's contracts; a company sees the contracts it is party to — a sub-contract only once the ward approved it — and those below it in its chain, which it supervises. Permissions are applied in the database; filters narrow them, and a malformed cursor is 422.",
      request: {
        query: PageQuery.extend({
          status: z.enum(CONTRACT_STATUSES).optional(),
          departmentId: Uuid.optional(),
          parentContractId: Uuid.optional(),
          q: text(100).optional(),
          view: ListView,
        }),
      },
      responses: {
        200: jsonResponse(
          pageOfView(ContractListItemSchema, ContractSchema),
          'A page of contracts: compact items by default, full ones with view=full',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { view, ...query } = c.req.valid('query');
      const ctx = useCaseContext(c);
      const page = await listContracts(await readContext(c), query);
      const present = view === 'full' ? presentContract : presentContractListItem;
      const flags = await flagsForContracts(ctx, page.items);
      return c.json(
        {
          items: page.items.map((k) => ({ ...present(ctx, k), certificationFlags: flags.get(k.id) ?? [] })),
          nextCursor: page.nextCursor,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Register a contract / 委託契約の登録',
      description:
        "The ward's privacy officer (個人情報保護担当) registers a contract (委託契約) in draft: title, number, department (所管課), contractor, dates, amount, place, whether personal information is handled and the processing modes. The department must be the ward's own and the contractor a company known to the ward (422 otherwise); a period that ends before it starts is 422; a contract number already used in the ward is 409. 403 for anyone but the privacy officer. Audited.",
      request: { body: jsonBody(NewContract) },
      responses: { 201: jsonResponse(ContractSchema, 'Registered, in draft'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await presentWithFlags(
          useCaseContext(c),
          await createContract(useCaseContext(c), c.req.valid('json')),
        ),
        201,
      ),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One contract / 委託契約',
      description:
        'One contract (委託契約) with its contractor’s certification flags (`certificationFlags`: an expired プライバシーマーク/ISMS/ISMAP, or one the contract requires that is not recorded), its state (draft 起案中, approved 承認済・未着手 for a sub-contract, active 履行中, ending 終了手続中, closed 完了), its place in a chain of sub-contracting, any termination grounds, and `allowedActions` for the signed-in user. A contract you may not see — another ward’s, or a sub-contract not yet approved for its sub-contractor — is 404, like one that does not exist.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ContractSchema, 'The contract'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const contract = await getContract(ctx, c.req.valid('param').id);
      c.header('etag', `"${contract.version}"`);
      return c.json(
        await presentWithFlags(ctx, contract, await contractActionsNow(ctx.db, ctx, contract)),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/{id}',
      summary: 'Change a contract / 委託契約の変更',
      description:
        "The ward's privacy officer changes a contract's particulars, based on the version read (409 if stale). A closed contract cannot be changed (409), and whether personal information is handled is fixed once the contract has started (409: that is a new contract). The same checks as registration apply (422 for an unknown department or company, or a period ending before it starts; 409 for a contract number already used). 403 for anyone but the privacy officer. Audited.",
      request: { params: IdParam, body: jsonBody(ContractPatchSchema) },
      responses: { 200: jsonResponse(ContractSchema, 'Changed'), ...errorResponses },
    }),
    async (c) => {
      const { version, ...patch } = c.req.valid('json');
      const contract = await updateContract(
        useCaseContext(c),
        c.req.valid('param').id,
        patch,
        expectedVersion(c, version),
      );
      return c.json(await presentWithFlags(useCaseContext(c), contract), 200);
    },
  );

  for (const command of COMMANDS) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/${command}`,
        summary: COMMAND_SUMMARY[command],
        description: COMMAND_DESCRIPTION[command],
        request: { params: IdParam, body: jsonBody(z.object({ version: VersionField })) },
        responses: { 200: jsonResponse(ContractSchema, 'The contract in its new state'), ...errorResponses },
      }),
      async (c) => {
        const { version } = c.req.valid('json');
        const contract = await transitionContract(
          useCaseContext(c),
          c.req.valid('param').id,
          command,
          expectedVersion(c, version),
        );
        return c.json(await presentWithFlags(useCaseContext(c), contract), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/terminate',
      summary: 'Terminate the contract for breach / 契約解除',
      description:
        "The ward's 課長 records the grounds of a termination for breach — the reason, the article breached and the date it took effect (not in the future) — and the contract begins its end (終了手続), its sub-contracts following it in their own states (no approval is revoked; every company keeps reading what it must return or erase and certify). Audited as `contract.terminate`; a terminated contract does not resume. 409 unless the contract is in progress (or a sub-contract approved, not started); 403 for anyone but the 課長.",
      request: { params: IdParam, body: jsonBody(TerminationSchema) },
      responses: { 200: jsonResponse(ContractSchema, 'The contract, now ending'), ...errorResponses },
    }),
    async (c) => {
      const { version, ...grounds } = c.req.valid('json');
      const contract = await terminateContract(
        useCaseContext(c),
        c.req.valid('param').id,
        grounds,
        expectedVersion(c, version),
      );
      return c.json(await presentWithFlags(useCaseContext(c), contract), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/renew',
      summary: 'Renew a single-year contract (at most twice) / 契約の更新',
      description:
        "Renews a single-year contract (契約の更新, the same work for up to three years): a new contract in draft, linked to this one, carrying the particulars, the special provisions and the data-item register forward with a new number, date and period; the handler lists are submitted again for it. By the ward's privacy officer. The new period must start after the current one ends (422); only an active or ending contract is renewed, at most twice, and only once (409); a sub-contract is not renewed on its own (422); a contract number already used is 409.",
      request: { params: IdParam, body: jsonBody(RenewalSchema) },
      responses: { 201: jsonResponse(ContractSchema, 'The successor contract, in draft'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await presentWithFlags(
          useCaseContext(c),
          await renewContract(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')),
        ),
        201,
      ),
  );

  // Registers and handler lists live under /contracts/{id}/…, behind the sign-in above.
  app.route('/', registerRoutes());
  app.route('/', handlerListRoutes());
  app.route('/', applicationRoutes());
  app.route('/', contractProvisionRoutes());
  return app;
}
