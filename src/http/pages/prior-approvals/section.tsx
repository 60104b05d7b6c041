import type { PriorApprovalKind } from '../../../db/tables/prior-approvals.js';
import type { Contract } from '../../../domain/contracts/contract.repository.js';
import type { PriorApproval } from '../../../domain/prior-approvals/prior-approval.repository.js';
import type { PriorApprovalSettings } from '../../../domain/prior-approvals/prior-approval-settings.js';
import { PRIOR_APPROVAL_KINDS } from '../../../domain/prior-approvals/prior-approval-terms.js';
import type { Message } from '../../../domain/shared/errors.js';
import { Badge, DateText, TableWrap } from '../components/common.js';
import { ChoiceGroup, Csrf, fields } from '../components/form.js';
import { roleLabel } from '../components/sign-off.js';
import type { PageCtx } from '../page-context.js';

/** The applications as a table: kind, status, awaited signer, period, place. */
export function PriorApprovalTable({
  p,
  items,
  caption,
}: {
  p: PageCtx;
  items: PriorApproval[];
  caption: string;
}) {
  const t = p.t.priorApprovals;
  if (!items.length) return <p>{t.none}</p>;
  return (
    <TableWrap p={p} label={caption}>
      <table>
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.fields.kind}</th>
            <th scope="col">{p.t.reports.columns.status}</th>
            <th scope="col">{p.t.approvals.awaiting}</th>
            <th scope="col">{t.fields.period}</th>
            <th scope="col">{t.fields.place}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr>
              <td>
                <a href={`/prior-approvals/${a.id}`}>{t.kinds[a.kind]}</a>
              </td>
              <td>
                <Badge status={a.status} label={t.status[a.status]} />
              </td>
              <td>{a.status === 'applied' && a.chain[a.step] ? roleLabel(p, a.chain[a.step]!) : '—'}</td>
              <td class="nowrap">
                <DateText p={p} date={a.periodFrom} />〜<DateText p={p} date={a.periodTo} />
              </td>
              <td>{a.place}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * 事前承認・届出 on a contract's page: its applications, the link to apply (the company acting on
 * the contract), and the contract's settings — a form for the ward officer, who sets them.
 */
export function PriorApprovalsSection({
  p,
  contract,
  items,
  settings,
  mayApply,
  maySet,
  articles = {},
}: {
  p: PageCtx;
  contract: Contract;
  items: PriorApproval[];
  settings: PriorApprovalSettings;
  mayApply: boolean;
  maySet: boolean;
  /** The articles of the contract's own 特記事項 per kind (kindArticles); else the general reference. */
  articles?: Partial<Record<PriorApprovalKind, Message>>;
}) {
  const t = p.t.priorApprovals;
  const required = new Set(settings.requiredKinds);
  return (
    <section aria-labelledby="prior-approvals">
      <h2 id="prior-approvals">{t.section}</h2>
      <p>{t.sectionIntro}</p>
      <PriorApprovalTable p={p} items={items} caption={t.section} />
      {mayApply && (
        <p class="actions">
          <a class="button" href={`/contracts/${contract.id}/prior-approvals/new`}>
            {t.apply}
          </a>
        </p>
      )}
      <h3>{t.settings}</h3>
      {maySet ? (
        <form method="post" action={`/contracts/${contract.id}/prior-approval-settings`}>
          <Csrf p={p} />
          <input type="hidden" name="version" value={String(settings.version)} />
          <ChoiceGroup
            p={p}
            f={fields({
              requiredKinds: settings.requiredKinds,
              disposalWitness: settings.disposalWitness ? 'on' : '',
            })}
            name="requiredKinds"
            legend={t.settingsRequired}
            options={PRIOR_APPROVAL_KINDS.map((k) => ({
              value: k,
              label: `${t.kinds[k]}（${articles[k] ? p.msg(articles[k]) : t.articles[k]}）`,
            }))}
          />
          <ChoiceGroup
            p={p}
            f={fields({ disposalWitness: settings.disposalWitness ? 'on' : '' })}
            name="disposalWitness"
            legend={t.fields.witnessRequired}
            options={[{ value: 'on', label: t.settingsWitness }]}
          />
          <div class="actions">
            <button type="submit" class="secondary">
              {t.settingsSave}
            </button>
          </div>
        </form>
      ) : (
        <ul>
          {PRIOR_APPROVAL_KINDS.map((k) => (
            <li>
              {t.kinds[k]}：{required.has(k) ? t.required : t.notRequired}
            </li>
          ))}
          <li>
            {t.fields.witnessRequired}：{settings.disposalWitness ? t.witnessYes : t.witnessNo}
          </li>
        </ul>
      )}
      {settings.isDefault && <p class="hint">{t.settingsDefault}</p>}
    </section>
  );
}
