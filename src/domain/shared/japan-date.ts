/** The calendar day in Japan (Asia/Tokyo, UTC+9 without daylight saving) at an instant. */
export function toJapanDate(at: Date): string {
  return new Date(at.getTime() + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

/** An instant as people read it in Japan: 2026-12-07 11:17 (JST), for messages (never a raw ISO 'Z' time). */
export function toJapanTimeText(at: Date): string {
  const local = new Date(at.getTime() + 9 * 3600 * 1000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} (JST)`;
}

/** Midnight at the start of a Japanese calendar day, as an instant. */
export function startOfJapanDay(day: string): Date {
  return new Date(`${day}T00:00:00+09:00`);
}

/** Adds days to a calendar date. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An instant as ISO 8601 in Japan time with its offset: 2026-12-07T11:19:05+09:00. */
export function toJapanIso(at: Date | string): string {
  const local = new Date(new Date(at).getTime() + 9 * 3600 * 1000).toISOString();
  return `${local.slice(0, 19)}+09:00`;
}
