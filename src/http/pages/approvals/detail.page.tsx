import type { Context } from 'hono';
import { approvalActions } from '../../../domain/approvals/act-on-approval.js';
import type { Approval } from '../../../domain/approvals/approval.repository.js';
import { getApproval } from '../../../domain/approvals/read-approvals.js';
import { readRegister } from '../../../domain/registers/read-register.js';
import type { RegisterDocument } from '../../../domain/registers/register-document.js';
import { NotFoundError } from '../../../domain/shared/errors.js';
import { departmentNames, organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, DateText } from '../components/common.js';
import { StampBoxes, StepLog } from '../components/sign-off.js';
import { Layout } from '../layout.js';
import { pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';
import { ApplicationView } from './application-view.js';
import { ApprovalActions } from './approval-actions.js';

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
        <span class="nowrap">
          {t.number}：{approval.number}
        </span>{' '}
        <Badge status={approval.status} label={p.t.status.approval[approval.status]} />{' '}
        {approval.reviewDueOn && <DateText p={p} date={approval.reviewDueOn} />}
      </p>
      <p class="actions">
        <a href={`/contracts/${approval.contractId}`}>{t.contract}</a>
        {approval.parentContractId && (
          <a href={`/contracts/${approval.parentContractId}`}>{t.parentContract}</a>
        )}
      </p>
      {approval.myNumberAct && (
        <p class="notice" role="note" data-my-number-act>
          {p.msg(approval.myNumberAct)}
        </p>
      )}
      {app.kind === 'subdelegation' && (
        <section aria-labelledby="documents" class="documents no-print">
          <h2 id="documents">{t.documents}</h2>
          <p class="actions">
            <a href={`/approvals/${approval.id}/application.pdf`} download>
              {t.applicationPdf}
            </a>
            {approval.status === 'approved' && (
              <a href={`/approvals/${approval.id}/notice.pdf`} download>
                {t.noticePdf}
              </a>
            )}
          </p>
        </section>
      )}
      <h2>{t.stamps}</h2>
      <StampBoxes p={p} boxes={approval.stamps} />
      <ApprovalActions p={p} approval={approval} commands={approvalActions(viewerOf(p), approval)} />
      <h2>{t.application}</h2>
      <ApplicationView
        p={p}
        approval={approval}
        names={new Map([...orgs, ...depts])}
        parentRegister={parentRegister}
      />
      <h2>{t.steps}</h2>
      <StepLog
        p={p}
        steps={approval.steps}
        label={t.steps}
        decisions={t.decisions as Record<string, string>}
      />
    </Layout>,
    problem?.status ?? 200,
  );
}
