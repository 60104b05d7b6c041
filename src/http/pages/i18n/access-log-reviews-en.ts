import type { accessLogReviewsJa } from './access-log-reviews-ja.js';

// English strings of the access-log review pages, key for key with access-log-reviews-ja.ts.

export const accessLogReviewsEn: typeof accessLogReviewsJa = {
  nav: 'Access-log reviews',
  intervalTitle: 'Review interval',
  intervalIntro:
    'How often the access logs of this contract are reviewed. Reviews already issued stay; the next periods follow the new interval.',
  intervalDefault: '(none recorded: monthly)',
  intervalSave: 'Save the review interval',
  panel: 'Access-log reviews (record or confirm)',
  title: 'Access-log reviews',
  intro:
    'On a contract handling 特定個人情報 (My Number), the contractor’s person in charge (業務責任者・取扱責任者) reviews the access logs of the systems holding it on a schedule and records the result; the {self} confirms it. Each contract sets the interval (monthly unless it says otherwise). A review is issued by the daily jobs the day after its period ends and is due 10 days later.',
  list: 'Access-log reviews',
  none: 'There are no access-log reviews.',
  detailTitle: (period: string) => `Access-log review: ${period}`,
  filterQ: "Contract's title or number",
  filterStatus: 'Status',
  overdue: 'overdue',
  status: {
    issued: 'not yet reviewed',
    returned: 'sent back',
    recorded: 'reviewed, awaiting confirmation',
    confirmed: 'confirmed',
  },
  interval: { monthly: 'monthly', quarterly: 'quarterly' },
  fields: {
    contract: 'Contract',
    organisation: 'Contractor',
    period: 'Period',
    dueOn: 'Due',
    status: 'Status',
    reviewedOn: 'Reviewed on',
    reviewerName: 'Reviewed by (person in charge)',
    logsReviewed: 'Logs reviewed (systems, kinds of log, extent)',
    anomaliesFound: 'Anomalies found (suspicious access etc.)',
    anomalyDescription: 'What was found',
    actionTaken: 'Action taken',
    recordedAt: 'Recorded at',
    returnComment: 'Reason for sending back',
    confirmedAt: 'Confirmed at',
    confirmComment: 'Comment on confirming',
  },
  anomalies: { yes: 'yes', no: 'no' },
  anomalyNotice:
    'Anomalies were found. Where personal information may have leaked, report the incident at once.',
  reportIncident: 'Report an incident',
  actions: 'Actions',
  commands: { record: 'Record the review', confirm: 'Confirm', 'send-back': 'Send back' },
};
