import type { supervisionJa } from './supervision-ja.js';

// Supervising sub-contractors (inspections by the contractor, report requests), in English.

export const supervisionEn: typeof supervisionJa = {
  nav: 'Report requests',
  listTitle: 'Report requests',
  listIntro:
    'A contractor may ask its sub-contractors for reports and inspect them (special provisions art. 7(5)). The {self} may ask the contractor or sub-contractor of its contracts too.',
  none: 'No report requests.',
  queue: 'Report requests (to answer, to accept, overdue)',
  section: 'Supervision of the sub-contractor (inspections, report requests)',
  sectionIntro:
    'Inspections and report requests the contractor made of its sub-contractor, and reports the {self} asked for. The contractor answers for what its sub-contractors do (art. 7(3), 7(5)).',
  inspections: 'Inspections by the contractor',
  noInspections: 'No inspections by the contractor.',
  planInspection: 'Plan an inspection of the sub-contractor',
  ask: 'Ask for a report',
  newTitle: 'Ask for a report',
  newIntro: (contract: string, company: string) =>
    `Ask ${company} for a report on the contract “${contract}”.`,
  submit: 'Ask for the report',
  detailTitle: (topic: string) => `Report request: ${topic}`,
  actions: 'Actions',
  overdue: 'Overdue',
  inspectedBy: 'Inspected by',
  completed: 'Completed',
  filesHint: 'PDF, PNG or JPEG: up to 10 MB in one sending, 20 files in all.',
  keptFiles: 'Files already attached (untick to leave one out)',
  fileWithheld: '(an attachment you may not open)',
  fields: {
    contract: 'Contract',
    requester: 'Asked by',
    subject: 'Reporting company',
    topic: 'Topic',
    detail: 'What is asked, documents wanted',
    dueOn: 'Due',
    status: 'Status',
    requestedAt: 'Asked at',
    answer: 'Report',
    answeredAt: 'Reported at',
    attachments: 'Attachments',
    files: 'Attach files (optional)',
    reviewComment: 'Remarks of the requester',
    plannedOn: 'Planned on',
    template: 'Checklist',
  },
  status: {
    requested: 'awaiting the report',
    answered: 'reported (to be checked)',
    returned: 'sent back (awaiting a new report)',
    accepted: 'accepted',
    withdrawn: 'withdrawn',
  },
  commands: {
    answer: 'Report',
    accept: 'Accept',
    'send-back': 'Send back',
    withdraw: 'Withdraw',
  },
  confirm: {
    answer: 'Send this report?',
    accept: 'Accept this report?',
    'send-back': 'Send this report back?',
    withdraw: 'Withdraw this request?',
  },
};
