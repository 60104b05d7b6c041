import { asSubject } from '../../../../policies/app-ability.js';
import type { Contract } from '../../../domain/contracts/contract.repository.js';
import type { PageCtx } from '../page-context.js';

/** The contract page's way to its control coverage and its review cycle: the municipality's staff only. */
export function ControlsLink({ p, contract }: { p: PageCtx; contract: Contract }) {
  const readable =
    p.viewer?.ability.can('read', asSubject('ControlCoverage', { wardId: contract.wardId })) ?? false;
  if (!readable || p.viewer?.actor.organisationKind === 'company') return null;
  const t = p.t.controls;
  return (
    <section aria-labelledby="controls">
      <h2 id="controls">{t.contractLinks}</h2>
      <ul>
        <li>
          <a href={`/contracts/${contract.id}/controls`}>{t.coverageLink}</a>
        </li>
        <li>
          <a href={`/contracts/${contract.id}/review`}>{t.reviewLink}</a>
        </li>
      </ul>
    </section>
  );
}
