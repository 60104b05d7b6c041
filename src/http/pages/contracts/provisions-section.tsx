import { latestProvisionTemplates } from '../../../../forms/special-provisions/catalogue.js';
import type { ProvisionAction } from '../../../domain/provisions/provision-actions.js';
import type { ContractProvisions } from '../../../domain/provisions/provisions.repository.js';
import { TimeText } from '../components/common.js';
import { Csrf } from '../components/form.js';
import type { PageCtx } from '../page-context.js';

/** 特記事項 on the contract page: which provisions, whether accepted, and what the viewer may do. */
export function ProvisionsSection({
  p,
  contractId,
  provisions,
  actions,
}: {
  p: PageCtx;
  contractId: string;
  provisions: ContractProvisions;
  actions: ProvisionAction[];
}) {
  const t = p.t.provisions;
  const { template } = provisions;
  const isSub = template.party === 'subcontractor';
  return (
    <section aria-labelledby="provisions">
      <h2 id="provisions">{t.title}</h2>
      <dl class="details">
        <dt>{t.template}</dt>
        <dd>
          {template.title}（{t.version(provisions.templateVersion)}・{t.party[template.party]}）{' '}
          <a href={`/contracts/${contractId}/provisions`}>{t.fullText}</a>
        </dd>
        {template.forbidsSubcontracting && (
          <>
            <dt>{t.flowDown}</dt>
            <dd>{t.forbidsSubcontracting}</dd>
          </>
        )}
        {(isSub || provisions.acceptedAt) && (
          <>
            <dt>{t.acceptedAt}</dt>
            <dd>
              {provisions.acceptedAt ? (
                <>
                  {t.accepted(provisions.acceptedName ?? '')} <TimeText at={provisions.acceptedAt} />
                </>
              ) : (
                <>
                  <strong>{t.notAccepted}</strong>
                  {isSub && <span class="hint">　{t.notAcceptedHint}</span>}
                </>
              )}
            </dd>
          </>
        )}
      </dl>
      {actions.includes('accept') && (
        <form method="post" action={`/contracts/${contractId}/provisions/accept`} class="stack">
          <Csrf p={p} />
          <input type="hidden" name="version" value={String(provisions.version)} />
          <p class="hint">{t.acceptHint}</p>
          <label for="acceptedName">{t.acceptName}</label>
          <input id="acceptedName" name="acceptedName" required maxlength={100} autocomplete="name" />
          <button type="submit" data-confirm={t.confirmAccept}>
            {t.accept}
          </button>
        </form>
      )}
      {actions.includes('choose') && (
        <form method="post" action={`/contracts/${contractId}/provisions/choose`} class="stack">
          <Csrf p={p} />
          <input type="hidden" name="version" value={String(provisions.version)} />
          <p class="hint">{t.chooseHint}</p>
          <label for="templateId">{t.template}</label>
          <select id="templateId" name="templateId">
            {latestProvisionTemplates()
              .filter((candidate) => candidate.party === 'contractor')
              .map((candidate) => (
                <option value={candidate.id} selected={candidate.id === template.id}>
                  {candidate.title}（{t.version(candidate.version)}）
                </option>
              ))}
          </select>
          <button type="submit" class="secondary">
            {t.choose}
          </button>
        </form>
      )}
    </section>
  );
}
