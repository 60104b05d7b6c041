import { toJapanDate } from '../../domain/shared/japan-date.js';
import { toWareki } from '../../domain/shared/wareki.js';

/** '令和8年11月22日 10:05（2026-11-22）' in Japan time, for documents. */
export function japanDateTime(at: Date): string {
  const day = toJapanDate(at);
  const time = new Date(at.getTime() + 9 * 3600 * 1000).toISOString().slice(11, 16);
  return `${toWareki(day)} ${time}（${day}）`;
}

/** '令和8年11月22日（2026-11-22）' */
export function japanDate(at: Date | string): string {
  const day = typeof at === 'string' ? at.slice(0, 10) : toJapanDate(at);
  return `${toWareki(day)}（${day}）`;
}

/** A SHA-256 in four groups of sixteen, easier to compare by eye. */
export function groupedHash(hex: string): string {
  return (hex.match(/.{1,16}/g) ?? [hex]).join(' ');
}

/** '1.5 MB', '820 KB' */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} B`;
}
