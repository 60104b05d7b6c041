import type { Custody, HandoverPackage } from '../../../domain/handover/package.repository.js';
import { packageActions } from '../../../domain/handover/package-actions.js';
import type { FormError, FormValues } from '../components/form.js';
import type { Viewer } from '../page-context.js';

// Which custody steps a package's page offers: the domain's answer (packageActions), as forms.

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

const FORMS: Record<string, StepForm> = {
  'hand-over-media': 'media',
  'hand-over-password': 'password',
  store: 'store',
  'take-out': 'takeOut',
  'decide-take-out': 'decide',
  'start-take-out': 'start',
  'bring-back': 'back',
  return: 'return',
  verify: 'verify',
  withdraw: 'withdraw',
};

/** The forms of the steps the domain says this viewer may record on the package now. */
export function offeredSteps(viewer: Viewer, pkg: HandoverPackage & Custody): OfferedStep[] {
  return packageActions(viewer, pkg).map((a) => ({ form: FORMS[a.action]!, takeOutId: a.takeOutId }));
}
