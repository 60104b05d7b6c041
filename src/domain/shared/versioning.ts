import { staleVersion } from './errors.js';

/** Refuses a write made against an older version than the one in the database. */
export function checkVersion(subject: string, expected: number, actual: number): void {
  if (expected !== actual) throw staleVersion(subject, expected, actual);
}
