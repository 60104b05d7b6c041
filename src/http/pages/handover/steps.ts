import { asSubject } from '../../../../policies/app-ability.js';
import type { PackageStep } from '../../../../policies/rules/handover.js';
import { type CustodyEvent, custodyMachine } from '../../../../workflows/custody/custody.machine.js';
import { decide } from '../../../../workflows/shared/decide.js';
import type { Custody, HandoverPackage } from '../../../domain/handover/package.repository.js';
import type { FormError, FormValues } from '../components/form.js';
import type { Viewer } from '../page-context.js';

// Which custody steps a package's page offers: those the policy gives the viewer (a CASL field of
// `update`) and the custody machine allows in the package's state — the same two questions the use
// cases ask when the form is sent, so a button is never offered that the use case would refuse for
// either reason (what it still checks: times, the handler list, the separate occasion).

export type StepForm =
  | 'media'
  | 'password'
  | 'store'
  | 'takeOut'
  | 'decide'
  | 'start'
  | 'back'
  | 'return'
  | 'verify'
  | 'withdraw';

export interface OfferedStep {
  form: StepForm;
  /** The take-out a step is about (decide, start, back). */
  takeOutId?: string;
}

/** A form of the page that was sent and refused: shown again with what was typed and why. */
export interface FailedStep {
  form: string;
  values: FormValues;
  errors: FormError[];
  status: 409 | 422;
}

export function offeredSteps(viewer: Viewer, pkg: HandoverPackage & Custody): OfferedStep[] {
  const subject = asSubject('HandoverPackage', pkg);
  const may = (step: PackageStep) => viewer.ability.can('update', subject, step);
  const allowed = (event: CustodyEvent) => decide(custodyMachine, pkg.status, event).allowed;
  const open = pkg.takeOuts.filter((t) => ['requested', 'approved', 'out'].includes(t.status));
  const trip = pkg.takeOuts.find((t) => t.status === 'out');
  const steps: OfferedStep[] = [];
  if (may('handover') && allowed({ type: 'HAND_OVER_MEDIA' })) steps.push({ form: 'media' });
  // the separate occasion is the use case's question (it knows the time typed)
  if (may('handover') && allowed({ type: 'HAND_OVER_PASSWORD', separateOccasion: true }))
    steps.push({ form: 'password' });
  if (may('store') && allowed({ type: 'STORE' })) steps.push({ form: 'store' });
  if (
    may('takeOut') &&
    !open.length &&
    allowed({ type: 'TAKE_OUT', purpose: 'delivery', wardApproved: false })
  )
    steps.push({ form: 'takeOut' });
  for (const t of open) {
    if (t.status === 'requested' && may('approveTakeOut')) steps.push({ form: 'decide', takeOutId: t.id });
    if (t.status === 'approved' && may('takeOut')) steps.push({ form: 'start', takeOutId: t.id });
    if (t.status === 'out' && may('takeOut') && allowed({ type: 'BRING_BACK' }))
      steps.push({ form: 'back', takeOutId: t.id });
  }
  if (may('return') && allowed({ type: 'RETURN', takeOutPurpose: trip?.purpose ?? null }))
    steps.push({ form: 'return' });
  if (may('verify') && allowed({ type: 'VERIFY', hashMatches: true })) steps.push({ form: 'verify' });
  if (may('withdraw') && allowed({ type: 'WITHDRAW' })) steps.push({ form: 'withdraw' });
  return steps;
}
