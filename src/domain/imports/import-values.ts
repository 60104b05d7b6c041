// Cell values of an import as people type them in Excel or copy them from paper: dates in the
// Western or the Japanese era calendar (令和8年4月1日), 有/無, amounts with commas. Pure: no I/O.
// Each reader returns the value or a problem in both languages; the caller names row and column.

export type Read<T> = { ok: true; value: T } | { ok: false; en: string; ja: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });

const ERAS: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925 };

const DATE_PROBLEM = {
  ok: false as const,
  en: 'a date is written YYYY-MM-DD or in the era calendar, e.g. 令和8年4月1日',
  ja: '日付は YYYY-MM-DD または 令和8年4月1日 の形で入力してください',
};

/** Full-width digits and spaces (Ｒ８年４月１日 from a word processor) read as their ASCII forms. */
export function halfWidth(value: string): string {
  return value
    .replace(/[０-９Ａ-Ｚａ-ｚ／－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

function isoDate(y: number, m: number, d: number): Read<string> {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return DATE_PROBLEM;
  return ok(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** '2026-04-01', '2026/4/1' (how Excel shows a date) or '令和8年4月1日' (元年 too) → '2026-04-01'. */
export function readDate(raw: string): Read<string> {
  const value = halfWidth(raw);
  const western = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value);
  if (western) return isoDate(Number(western[1]), Number(western[2]), Number(western[3]));
  const era = /^(令和|平成|昭和)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(value);
  if (era) {
    const year = ERAS[era[1]!]! + (era[2] === '元' ? 1 : Number(era[2]));
    return isoDate(year, Number(era[3]), Number(era[4]));
  }
  return DATE_PROBLEM;
}

/** 有/無 as the seed forms tick them (○/×, はい/いいえ too); empty is 無. */
export function readYesNo(raw: string): Read<boolean> {
  const value = halfWidth(raw);
  if (['', '無', 'なし', '×', 'いいえ', '否'].includes(value)) return ok(false);
  if (['有', 'あり', '○', '〇', 'はい', '要'].includes(value)) return ok(true);
  return { ok: false, en: 'write 有 or 無', ja: '「有」または「無」を入力してください' };
}

/** 契約金額 in yen: digits, with commas or a trailing 円 as Excel and paper show them. */
export function readYen(raw: string): Read<number | null> {
  const value = halfWidth(raw).replace(/[,，]/g, '').replace(/円$/, '');
  if (value === '') return ok(null);
  if (!/^\d{1,15}$/.test(value))
    return {
      ok: false,
      en: 'an amount in yen, digits only (commas allowed)',
      ja: '金額は円単位の数字で入力してください（桁区切りのコンマは可）',
    };
  return ok(Number(value));
}

/** One of a closed list of words; the problem names the words allowed. */
export function readChoice<T>(raw: string, choices: Record<string, T>): Read<T> {
  const value = halfWidth(raw);
  if (Object.hasOwn(choices, value)) return ok(choices[value]!);
  const words = Object.keys(choices).filter((k) => k !== '');
  return {
    ok: false,
    en: `one of: ${words.join(', ')}`,
    ja: `次のいずれかを入力してください: ${words.join('、')}`,
  };
}

/**
 * A cell Excel would run as a formula (=HYPERLINK(…), +cmd, -2+3, @SUM) is refused, not stored:
 * the product's own CSV exports neutralise such cells, but an imported value would sit in the
 * records and travel into every later export, PDF and page.
 */
export function looksLikeFormula(raw: string): boolean {
  return /^[=+\-@\t\r]/.test(raw) || /^[＝＋－＠]/.test(raw);
}

/**
 * '2025-06-02 10:30', '2025/6/2 10:30' or '令和7年6月2日 10時30分' → '2025-06-02T10:30' (Japan
 * time, as written on the record); a date alone is the start of that day.
 */
export function readDateTime(raw: string): Read<string> {
  const value = halfWidth(raw);
  const match = /^(.+?)\s*(\d{1,2})\s*[:時]\s*(\d{1,2})\s*分?(?::\d{2})?$/.exec(value);
  const date = readDate(match ? match[1]! : value);
  if (!date.ok)
    return {
      ok: false,
      en: 'a date and time is written YYYY-MM-DD HH:MM or 令和7年6月2日 10時30分',
      ja: '日時は YYYY-MM-DD HH:MM 又は 令和7年6月2日 10時30分 の形で入力してください',
    };
  const hour = match ? Number(match[2]) : 0;
  const minute = match ? Number(match[3]) : 0;
  if (hour > 23 || minute > 59) return { ok: false, en: 'no such time of day', ja: '時刻が正しくありません' };
  return ok(`${date.value}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
}

/**
 * A workbook's number in a date column as the text the cell shows: Excel keeps a date as days
 * since 1899-12-30 (or 1904-01-01) and the time of day as the fraction, in the wall-clock time it
 * was typed. Null for a number that is no plausible date (it is then refused as typed).
 */
export function serialDate(serial: number, type: 'date' | 'datetime', date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 200_000) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const minutes = Math.round(serial * 24 * 60);
  const at = new Date(epoch + minutes * 60_000).toISOString();
  return type === 'date' ? at.slice(0, 10) : `${at.slice(0, 10)} ${at.slice(11, 16)}`;
}
