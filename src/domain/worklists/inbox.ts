import { listNotifications } from '../notifications/read-notifications.js';
import type { UseCaseContext } from '../shared/context.js';
import { DIGEST_KIND } from './daily-digest.js';
import { listWorklist, type WorkItem } from './worklist.js';

// 受信箱 (inbox): the worklist — every step waiting on this person, the same query as the
// dashboard's panels — and the reminders and alerts sent to them (src/domain/notifications/).
// A waiting step leaves the inbox when it is acted on; a reminder about a step that no longer
// waits on the person counts as done (read), whether or not they pressed 既読.

/** Reminder kinds about a step that waits on the recipient: done once that step is gone. */
const ABOUT_A_STEP = new Set([
  'compliance-report-due',
  'approval-review-due',
  'inspection-due',
  'finding-overdue',
  'incident',
  'operational-report-due',
  'improvement-recommendation-due',
  'access-log-review-due',
  'device_declaration',
  'breach-report-due',
]);

type Notification = Awaited<ReturnType<typeof listNotifications>>['items'][number];

export interface InboxReminder extends Notification {
  /** The step it is about no longer waits on the person. */
  done: boolean;
  /** The waiting step it is about, if it still waits. */
  waiting: boolean;
}

export interface Inbox {
  waiting: WorkItem[];
  /** Some kind had more waiting than the inbox lists. */
  more: boolean;
  reminders: InboxReminder[];
  /** What the header counts: the waiting steps and the unread alerts about nothing waiting. */
  unread: number;
}

const LIMIT = 100;
const key = (type: string, id: string) => `${type}:${id}`;

/** The signed-in person's inbox; the permission rules run in each list's SQL. */
export async function readInbox(ctx: UseCaseContext, query: { reminders?: number } = {}): Promise<Inbox> {
  const sections = await listWorklist(ctx, { limit: LIMIT });
  const waiting = sections.flatMap((s) => s.items);
  const complete = !sections.some((s) => s.more);
  const waits = new Set(
    waiting.flatMap((w) => [
      key(w.subjectType, w.subjectId),
      ...(w.parent ? [key(w.parent.type, w.parent.id)] : []),
    ]),
  );
  // the daily digest mails the inbox itself: not a reminder of its own
  const page = await listNotifications(ctx, { limit: query.reminders ?? 50, exceptKinds: [DIGEST_KIND] });
  const reminders = page.items.map((n) => {
    const stillWaits = waits.has(key(n.subjectType, n.subjectId));
    const done = ABOUT_A_STEP.has(n.kind) && !stillWaits && complete;
    return { ...n, read: n.read || done, done, waiting: stillWaits };
  });
  const unreadAlerts = reminders.filter((r) => !r.read && !r.waiting).length;
  return {
    waiting: waiting.sort(byUrgency),
    more: !complete,
    reminders,
    unread: waiting.length + unreadAlerts,
  };
}

/** Overdue first, then by deadline (none last), then the oldest waiting. */
function byUrgency(a: WorkItem, b: WorkItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueOn !== b.dueOn) return !a.dueOn ? 1 : !b.dueOn ? -1 : a.dueOn.localeCompare(b.dueOn);
  return (a.since?.getTime() ?? 0) - (b.since?.getTime() ?? 0);
}
