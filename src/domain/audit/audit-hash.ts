import { sha256Hex } from '../shared/sha256.js';

// Hashing of audit entries. Web Crypto only, so that a Workers build can reuse it.

export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers, in a fixed shape. */
export interface HashedAuditFields {
  chainKey: string;
  seq: string;
  wardId: string | null;
  at: string;
  actorUserId: string | null;
  actorOrgId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so equal values always hash the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What jsonb gives back for a value: dates become strings, undefined disappears. */
export function asStoredJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export function hashAuditFields(fields: HashedAuditFields): Promise<string> {
  return sha256Hex(canonicalJson(fields));
}
