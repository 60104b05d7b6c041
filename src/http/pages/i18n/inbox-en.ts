import type { InboxDictionary } from './inbox-ja.js';

export const inboxEn: InboxDictionary = {
  nav: 'Inbox',
  title: 'Inbox',
  unread: (n: number) => `${n} waiting`,
  unreadMore: (n: number) => `${n}+ waiting`,
  waiting: 'Waiting for you',
  waitingHint: 'Steps that wait for your action. Once you act, they leave this list.',
  nothing: 'Nothing is waiting for you now.',
  reminders: 'Reminders (deadlines)',
  noReminders: 'No reminders.',
  columns: {
    what: 'Step',
    title: 'Subject',
    party: 'Party',
    state: 'State',
    since: 'Since',
    due: 'Due',
  },
  markRead: 'Mark read',
  read: 'Read',
  unreadMark: 'Unread',
  done: 'Done',
  open: 'Open',
  overdue: 'Overdue',
  what: {
    approvals: 'Sign or submit an application',
    'prior-approvals': 'Sign a prior approval',
    'report-requests': 'Report requests (answer, accept, overdue)',
    'inspection-sign-off': 'Sign an inspection record',
    'reports-received': 'Receive and sign a compliance report',
    'reports-to-answer': 'Answer a compliance report',
    incidents: 'Follow an incident',
    'handler-lists': 'Check a handler list',
    certificates: 'Erasure certificate or package outstanding',
    'findings-past-due': 'Finding past its deadline',
    'inspections-due': 'Inspection to carry out',
    'council-items': 'Put a report item to the council',
  },
  inspectionSignOff: 'Inspections awaiting your sign-off',
  digestSubject: (n: number) => `[Inbox] ${n} waiting`,
};

export const companySearchEn: typeof import('./inbox-ja.js').companySearchJa = {
  legend: 'Find the sub-contractor',
  label: 'Company name or corporate number',
  hint: 'Searches the companies you work with (in a chain of sub-contracting) by part of the name or by corporate number (法人番号). Name any other company below, under a new sub-contractor, by its corporate number.',
  button: 'Search',
  found: (n: number, q: string) => `${n} companies match “${q}”`,
  none: (q: string) =>
    `No company you work with matches “${q}”. Name it as a new sub-contractor by its corporate number.`,
  clear: 'Clear the search',
};
