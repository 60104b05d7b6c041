import { asSubject } from '../../../../policies/app-ability.js';
import type { Contract } from '../../../domain/contracts/contract.repository.js';
import type { PageCtx } from '../page-context.js';

/** On a contract's page: the way to its devices and My Number profile, for those who may read devices. */
export function DevicesLink({ p, contract }: { p: PageCtx; contract: Contract }) {
  const ability = p.viewer?.ability;
  const readable =
    ability?.can(
      'read',
      asSubject('DeviceDeclaration', {
        wardId: contract.wardId,
        organisationId: contract.contractorOrgId,
        chainOrgIds: contract.chainOrgIds,
      }),
    ) ?? false;
  if (!readable) return null;
  const t = p.t.devices;
  return (
    <section aria-labelledby="devices">
      <h2 id="devices">{t.section}</h2>
      <p>
        <a href={`/contracts/${contract.id}/devices`}>{t.sectionLink}</a>
      </p>
    </section>
  );
}
