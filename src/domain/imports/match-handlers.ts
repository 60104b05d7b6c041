import type { Tx } from '../shared/context.js';

// 名簿の取込みで既存の取扱者を使う: a person on an imported roster who is already registered by
// the same company is that handler, not a new one, so that their pledges, training and other
// contracts stay on one person. The schema keeps a handler's name and フリガナ (no date of birth),
// so the key is: the same company, the same name and, where both sides have one, the same フリガナ
// — each compared after folding full-width and half-width forms (NFKC), dropping spaces and, for
// the フリガナ, reading ひらがな as カタカナ. Two registered people that the key cannot tell apart
// make the row ambiguous: the import asks for the フリガナ rather than guess.

/** The name as compared: NFKC (Ｙａｍａｄａ, ｶﾀｶﾅ, the ideographic space), without spaces. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** The フリガナ as compared: nameKey with ひらがな read as カタカナ. */
export function kanaKey(kana: string | null): string {
  return nameKey(kana ?? '').replace(/[\u3041-\u3096]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) + 0x60),
  );
}

export interface KnownHandler {
  id: string;
  fullName: string;
  fullNameKana: string | null;
}

export type HandlerMatch =
  | { kind: 'existing'; handler: KnownHandler }
  | { kind: 'new' }
  | { kind: 'ambiguous'; count: number };

/** The registered handlers of these companies, by company. */
export async function handlersOf(tx: Tx, organisationIds: string[]): Promise<Map<string, KnownHandler[]>> {
  const byOrg = new Map<string, KnownHandler[]>();
  if (!organisationIds.length) return byOrg;
  const rows = await tx
    .selectFrom('handlers')
    .select(['id', 'organisation_id', 'full_name', 'full_name_kana'])
    .where('organisation_id', 'in', [...new Set(organisationIds)])
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = byOrg.get(r.organisation_id) ?? [];
    list.push({ id: r.id, fullName: r.full_name, fullNameKana: r.full_name_kana });
    byOrg.set(r.organisation_id, list);
  }
  return byOrg;
}

/** Which registered handler, if any, a roster row names. */
export function matchHandler(known: KnownHandler[], fullName: string, kana: string | null): HandlerMatch {
  const name = nameKey(fullName);
  const reading = kanaKey(kana);
  let candidates = known.filter((h) => nameKey(h.fullName) === name);
  if (reading) {
    const sameReading = candidates.filter((h) => kanaKey(h.fullNameKana) === reading);
    candidates = sameReading.length ? sameReading : candidates.filter((h) => !h.fullNameKana);
  }
  if (candidates.length === 0) return { kind: 'new' };
  if (candidates.length === 1) return { kind: 'existing', handler: candidates[0]! };
  return { kind: 'ambiguous', count: candidates.length };
}
