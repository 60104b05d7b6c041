import type { Child } from 'hono/jsx';
import type { Approval } from '../../../domain/approvals/approval.repository.js';
import type { RegisterDocument } from '../../../domain/registers/register-document.js';
import { itemIdentity, mediumIdentity } from '../../../domain/registers/register-document.js';
import { Details, Lines, Period } from '../components/common.js';
import { RegisterTable } from '../contracts/register-view.js';
import type { PageCtx } from '../page-context.js';

/** What the application says, as it was submitted (frozen in the approval). */
export function ApplicationView({
  p,
  approval,
  names,
  parentRegister,
}: {
  p: PageCtx;
  approval: Approval;
  names: Map<string, string>;
  /** The parent contract's register in force, for a sub-contracting application (side by side). */
  parentRegister?: RegisterDocument;
}) {
  const t = p.t.approvals;
  const f = t.fields;
  const app = approval.application;
  const name = (id: string) => names.get(id) ?? t.unnamed(id);
  if (app.kind === 'delegation') {
    return (
      <>
        <Details
          rows={[
            [t.subject, app.title] as [string, Child],
            [f.department, names.get(app.departmentId) ?? '—'],
            [f.contractor, name(app.contractorOrgId)],
            [f.selectionMethod, app.selectionMethod ?? '—'],
            [
              f.certifications,
              <Lines
                p={p}
                lines={app.requiredCertifications.map((c) => p.t.contracts.certifications[c] ?? c)}
              />,
            ],
            [f.workDescription, app.workDescription ?? '—'],
            [f.reason, app.reason ?? '—'],
            [f.period, <Period p={p} from={app.periodFrom} to={app.periodTo} />],
            [t.councilMode, p.t.contracts.councilModes[approval.councilMode] ?? p.t.common.none],
            ...(app.changes.length
              ? [[t.changes, <Lines p={p} lines={app.changes} />] as [string, Child]]
              : []),
          ]}
        />
        <h3>{p.t.register.items}</h3>
        <RegisterTable p={p} doc={app.register} caption={p.t.register.items} />
      </>
    );
  }
  const picked = {
    items: new Set(app.register.subjectGroups.flatMap((g) => g.items.map((i) => itemIdentity(g.name, i)))),
    media: new Set(app.register.media.map(mediumIdentity)),
  };
  return (
    <>
      <Details
        rows={[
          [t.subject, app.title],
          [t.subcontractor, name(app.subcontractorOrgId)],
          [f.reason, app.reason],
          [f.scope, app.scope],
          [f.portion, p.t.subcontract.portions[app.portion]],
          [f.period, <Period p={p} from={app.periodFrom} to={app.periodTo} />],
          [f.safetyMeasures, <Lines p={p} lines={app.safetyMeasures} />],
          [f.supervisionMethod, app.supervisionMethod],
        ]}
      />
      <h3>{t.compare}</h3>
      {parentRegister && <p class="hint">{t.pickedLegend}</p>}
      <div class="compare">
        {parentRegister && (
          <section aria-labelledby="parent-register">
            <h4 id="parent-register">{t.parentRegister}</h4>
            <RegisterTable p={p} doc={parentRegister} caption={t.parentRegister} picked={picked} />
          </section>
        )}
        <section aria-labelledby="applied-register">
          <h4 id="applied-register">{t.appliedRegister}</h4>
          <RegisterTable p={p} doc={app.register} caption={t.appliedRegister} />
        </section>
      </div>
    </>
  );
}
