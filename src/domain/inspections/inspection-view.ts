import type { ChecklistGroup, ChecklistItem, ChecklistSection } from '../../../forms/checklist/checklist.js';
import { OPEN_FINDING_STATES } from '../../../workflows/inspection/finding.machine.js';
import type { Finding } from './finding.repository.js';
import type { Inspection, InspectionItem } from './inspection.repository.js';

// The record as a reader sees it: the template's sections with each item's answer and its finding
// beside it. Used by the API and by the PDF alike.

export interface ViewItem extends ChecklistItem {
  answer: InspectionItem;
  finding: Finding | null;
}
export interface ViewGroup extends Omit<ChecklistGroup, 'items'> {
  items: ViewItem[];
}
export interface ViewSection extends Omit<ChecklistSection, 'groups'> {
  groups: ViewGroup[];
}

export interface Progress {
  total: number;
  answered: number;
  ng: number;
  openFindings: number;
}

export function inspectionView(inspection: Inspection, items: InspectionItem[], findings: Finding[]) {
  const sections: ViewSection[] = inspection.template.sections.map((section) => ({
    ...section,
    groups: section.groups.map((group) => ({
      ...group,
      items: group.items.flatMap((item) => {
        const answer = items.find((a) => a.itemKey === item.key);
        if (!answer) return [];
        const finding = findings.find((f) => f.itemKey === item.key && f.status !== 'withdrawn') ?? null;
        return [{ ...item, answer, finding }];
      }),
    })),
  }));
  const progress: Progress = {
    total: items.length,
    answered: items.filter((i) => i.result !== null).length,
    ng: items.filter((i) => i.result === 'ng').length,
    openFindings: findings.filter((f) => OPEN_FINDING_STATES.includes(f.status)).length,
  };
  return { sections, progress };
}

/** A finding is overdue while it waits for improvement past its agreed deadline. */
export function isOverdue(finding: Finding, today: string): boolean {
  return finding.status === 'open' && finding.dueOn < today;
}
