import { fukuokaSupervisionChecklist } from '../fukuoka-supervision/fukuoka-supervision.form.js';
import { toshimaDisguisedContractingChecksheet } from '../toshima-disguised-contracting/toshima-disguised-contracting.form.js';
import { toshimaLabourChecksheet } from '../toshima-labour/toshima-labour.form.js';
import { toshimaPerformanceChecksheet } from '../toshima-performance/toshima-performance.form.js';
import { toshimaProtectionChecksheet } from '../toshima-protection/toshima-protection.form.js';
import type { ChecklistTemplate } from './checklist.js';

/** The standard templates (version 1 of each), as the seeds print them. A ward's own versions
 * extend these and are kept in the database. */
export const STANDARD_TEMPLATES: readonly ChecklistTemplate[] = [
  fukuokaSupervisionChecklist,
  toshimaProtectionChecksheet,
  toshimaPerformanceChecksheet,
  toshimaLabourChecksheet,
  toshimaDisguisedContractingChecksheet,
];

export const TEMPLATE_KEYS = STANDARD_TEMPLATES.map((t) => t.key);

export function standardTemplate(key: string): ChecklistTemplate | undefined {
  return STANDARD_TEMPLATES.find((t) => t.key === key);
}
