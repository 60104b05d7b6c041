import type { Context } from 'hono';
import type { Approval } from '../../../domain/approvals/approval.repository.js';
import { getApproval } from '../../../domain/approvals/read-approvals.js';
import { readRegister } from '../../../domain/registers/read-register.js';
import type { RegisterDocument } from '../../../domain/registers/register-document.js';
import { NotFoundError } from '../../../domain/shared/errors.js';
import { departmentNames, organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, DateText, TableWrap, TimeText } from '../components/common.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';
import { ApplicationView } from './application-view.js';
import { ApprovalActions } from './approval-actions.js';
import { offeredCommands } from './offered-steps.js';

type Steps = Awaited<ReturnType<typeof getApproval>>['steps'];

/** 決裁欄: one box per role of the chain, stamped when that role signed in the current round. */
function Stamps({ p, approval, steps }: { p: PageCtx; approval: Approval; steps: Steps }) {
  const t = p.t.approvals;
  const lastStart = Math.max(0, ...steps.filter((s) => s.decision === 'start_review').map((s) => s.seq));
  return (
    <ul class="stamps" aria-label={t.stamps}>
      {approval.chain.map((role, index) => {
        const signed = steps.find((s) => s.seq > lastStart && s.role === role && s.decision === 'approve');
        const waiting = approval.status === 'under_review' && approval.step === index;
        return (
          <li>
            <span class="role">{p.t.roles.signOff[role]}</span>
            {signed ? (
              <span class="signed">
                {t.stampSigned} <TimeText at={signed.at} />
              </span>
            ) : waiting ? (
              <span>{t.stampAwaiting}</span>
            ) : (
              <span aria-hidden="true">—</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function StepLog({ p, steps }: { p: PageCtx; steps: Steps }) {
  const t = p.t.approvals;
  if (!steps.length) return <p>{p.t.common.empty}</p>;
  return (
    <TableWrap p={p} label={t.steps}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.at}</th>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.actions}</th>
            <th scope="col">{p.t.common.comment}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr>
              <td class="nowrap">
                <TimeText at={s.at} />
              </td>
              <td>{p.t.roles.signOff[s.role] ?? t.step[s.role] ?? s.role}</td>
              <td>{t.decisions[s.decision] ?? s.decision}</td>
              <td>{s.comment ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The parent's register, if the viewer may read the parent contract (the applicant and the ward). */
async function parentRegisterOf(
  c: Context<AppEnv>,
  approval: Approval,
): Promise<RegisterDocument | undefined> {
  if (!approval.parentContractId) return undefined;
  try {
    return (await readRegister(useCaseContext(c), approval.parentContractId)).document;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/** 承認申請: the application side by side with the parent's register, the 決裁欄 and the steps. */
export async function approvalDetailPage(c: Context<AppEnv>, problem?: { text: string; status: 409 | 422 }) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const approval = await getApproval(ctx, c.req.param('id')!);
  const app = approval.application;
  const [orgs, depts, parentRegister] = await Promise.all([
    organisationNames(ctx, [app.kind === 'delegation' ? app.contractorOrgId : app.subcontractorOrgId]),
    departmentNames(ctx, app.kind === 'delegation' ? [app.departmentId] : []),
    parentRegisterOf(c, approval),
  ]);
  const t = p.t.approvals;
  return sendPage(
    c,
    <Layout p={p} title={t.detailTitle(t.kinds[approval.kind]!, app.title)}>
      {problem && (
        <div class="error-summary" role="alert">
          <h2>{p.t.contracts.actionFailed}</h2>
          <p>{problem.text}</p>
        </div>
      )}
      <p>
        <Badge status={approval.status} label={p.t.status.approval[approval.status]} />{' '}
        {approval.reviewDueOn && <DateText p={p} date={approval.reviewDueOn} />}
      </p>
      <p class="actions">
        <a href={`/contracts/${approval.contractId}`}>{t.contract}</a>
        {approval.parentContractId && (
          <a href={`/contracts/${approval.parentContractId}`}>{t.parentContract}</a>
        )}
      </p>
      <h2>{t.stamps}</h2>
      <Stamps p={p} approval={approval} steps={approval.steps} />
      <ApprovalActions p={p} approval={approval} commands={offeredCommands(viewerOf(p), approval)} />
      <h2>{t.application}</h2>
      <ApplicationView
        p={p}
        approval={approval}
        names={new Map([...orgs, ...depts])}
        parentRegister={parentRegister}
      />
      <h2>{t.steps}</h2>
      <StepLog p={p} steps={approval.steps} />
    </Layout>,
    problem?.status ?? 200,
  );
}
