import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { contractActionsNow } from '../../domain/approvals/subcontracting-limits.js';
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
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  PageQuery,
  pageOf,
  text,
  Uuid,
  VersionField,
} from '../schemas/common.js';
import {
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
    createdAt,
    updatedAt,
    ...rest
  } = contract;
  return {
    ...rest,
    endedWithParent: followedParentFrom !== null,
    startedAt: startedAt?.toISOString() ?? null,
    allowedActions: actions,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
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

export function contractRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Contracts you may see, newest first / 委託契約の一覧',
      request: {
        query: PageQuery.extend({
          status: z.enum(CONTRACT_STATUSES).optional(),
          departmentId: Uuid.optional(),
          parentContractId: Uuid.optional(),
          q: text(100).optional(),
        }),
      },
      responses: { 200: jsonResponse(pageOf(ContractSchema), 'A page of contracts'), ...errorResponses },
    }),
    async (c) => {
      const page = await listContracts(useCaseContext(c), c.req.valid('query'));
      return c.json(
        { items: page.items.map((k) => presentContract(useCaseContext(c), k)), nextCursor: page.nextCursor },
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
      request: { body: jsonBody(NewContract) },
      responses: { 201: jsonResponse(ContractSchema, 'Registered, in draft'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        presentContract(useCaseContext(c), await createContract(useCaseContext(c), c.req.valid('json'))),
        201,
      ),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One contract / 委託契約',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ContractSchema, 'The contract'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const contract = await getContract(ctx, c.req.valid('param').id);
      c.header('etag', `"${contract.version}"`);
      return c.json(presentContract(ctx, contract, await contractActionsNow(ctx.db, ctx, contract)), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/{id}',
      summary: 'Change a contract / 委託契約の変更',
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
      return c.json(presentContract(useCaseContext(c), contract), 200);
    },
  );

  for (const command of COMMANDS) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/${command}`,
        summary: COMMAND_SUMMARY[command],
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
        return c.json(presentContract(useCaseContext(c), contract), 200);
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
      return c.json(presentContract(useCaseContext(c), contract), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/renew',
      summary: 'Renew a single-year contract (at most twice) / 契約の更新',
      request: { params: IdParam, body: jsonBody(RenewalSchema) },
      responses: { 201: jsonResponse(ContractSchema, 'The successor contract, in draft'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        presentContract(
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
